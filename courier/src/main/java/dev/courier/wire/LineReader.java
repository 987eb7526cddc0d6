package dev.courier.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Gathers one line from input arriving in slices, into one reusable byte array.
 *
 * <p>The scan for LF runs over the input directly (over the backing array when there is one)
 * and the line is copied once, in bulk, into {@link #buffer()}: no allocation per byte and none
 * per line once the array has grown to the longest line seen. A line longer than the caller's
 * budget is refused as soon as the budget is used up, without waiting for its end, so a peer
 * cannot make us buffer an unbounded line.
 *
 * <p>When a whole line arrives in one heap buffer, it is not copied: {@link #buffer()} is then
 * the input's own array. The scan looks for the first control byte (below 0x20, or DEL) eight
 * bytes at a time ({@link ByteScan}). In a well-formed line that byte is the CR of the line end,
 * so the same pass that finds the line end also proves the line holds no control character at
 * all ({@link #clean()}), and the field parser can skip its own per-byte check of the value. Any
 * other first control byte (HTAB, a bare CR, NUL...) ends the fast scan and the line is left for
 * the full per-byte checks.
 */
final class LineReader {

    /** Returned by {@link #read} when the input ran out before the line's LF. */
    static final int NEED_MORE = -1;
    /** Returned by {@link #read} when the line (terminator included) exceeds the budget. */
    static final int TOO_LONG = -2;

    private byte[] buf = new byte[256];
    /**
     * Where the current line is: {@link #buf} from 0, or, for a whole line found in one heap
     * input, the input's own array from {@link #start} (no copy).
     */
    private byte[] line = buf;
    private int start;
    /** Bytes gathered so far for the current line, terminator included once complete. */
    private int len;
    private boolean complete;
    private boolean bareLf;
    private boolean clean;

    /**
     * Reads up to the end of the current line. Returns the content length (CR LF or LF
     * excluded) when the line is complete, {@link #NEED_MORE} or {@link #TOO_LONG}.
     *
     * @param budget most bytes the whole line may take, its line end included
     */
    int read(ByteBuffer in, int budget) {
        if (complete) {
            len = 0;
            complete = false;
            line = buf;
            start = 0;
        }
        int pos = in.position();
        int lim = in.limit();
        // One byte past the budget is taken so that "too long" is proven, and reported, as
        // "read budget + 1" rather than guessed.
        int room = Math.max(budget - len + 1, 0);
        int scanEnd = lim - pos > room ? pos + room : lim;
        int lf = -1;
        boolean noControls = false;
        if (in.hasArray()) {
            byte[] a = in.array();
            int base = in.arrayOffset();
            int end = scanEnd + base;
            int i = ByteScan.firstControl(a, pos + base, end);
            if (i < end) {
                if (a[i] == '\n') {
                    lf = i - base;
                    noControls = len == 0;
                } else if (a[i] == '\r' && i + 1 < end && a[i + 1] == '\n') {
                    lf = i + 1 - base;
                    noControls = len == 0;
                } else {
                    for (; i < end; i++) {
                        if (a[i] == '\n') {
                            lf = i - base;
                            break;
                        }
                    }
                }
            }
        } else {
            for (int i = pos; i < scanEnd; i++) {
                if (in.get(i) == '\n') {
                    lf = i;
                    break;
                }
            }
        }
        int take = (lf < 0 ? scanEnd : lf + 1) - pos;
        if (lf >= 0 && len == 0 && take <= budget && in.hasArray()) {
            // The whole line is in the caller's array: use it there, valid until the caller
            // refills the buffer, which it cannot do before the parse call returns.
            line = in.array();
            start = in.arrayOffset() + pos;
            in.position(pos + take);
            len = take;
            complete = true;
            clean = noControls;
            int content = len - 1;
            bareLf = content == 0 || line[start + content - 1] != '\r';
            return bareLf ? content : content - 1;
        }
        if (len + take > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + take, buf.length * 2));
            line = buf;
        }
        in.get(buf, len, take);
        len += take;
        if (len > budget) {
            return TOO_LONG;
        }
        if (lf < 0) {
            return NEED_MORE;
        }
        complete = true;
        clean = noControls;
        int content = len - 1;
        bareLf = content == 0 || buf[content - 1] != '\r';
        return bareLf ? content : content - 1;
    }

    /** Returns the array holding the current line's bytes from index {@link #start()}. */
    byte[] buffer() {
        return line;
    }

    /** Returns the index of the current line's first byte in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Moves a complete line into the reader's own array, so that it starts at index 0. */
    void compact() {
        if (line != buf) {
            if (len > buf.length) {
                buf = new byte[Math.max(len, buf.length * 2)];
            }
            System.arraycopy(line, start, buf, 0, len);
            line = buf;
            start = 0;
        }
    }

    /** Returns the bytes taken for the current line so far, terminator included. */
    int length() {
        return len;
    }

    /** Returns the bytes of a partial line taken so far; 0 once the line is complete. */
    int pending() {
        return complete ? 0 : len;
    }

    /** Returns true when the last complete line ended with LF alone. */
    boolean bareLf() {
        return bareLf;
    }

    /**
     * Returns true when the last complete line arrived in one piece and holds no byte below
     * 0x20 and no DEL before its line end: no CR, LF, NUL or HTAB inside it. False says nothing
     * either way; the caller must then check every byte itself.
     */
    boolean clean() {
        return clean;
    }

    /** Forgets any partial line, keeping the array for the next message. */
    void clear() {
        line = buf;
        start = 0;
        len = 0;
        complete = false;
        bareLf = false;
        clean = false;
    }
}
