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
 */
final class LineReader {

    /** Returned by {@link #read} when the input ran out before the line's LF. */
    static final int NEED_MORE = -1;
    /** Returned by {@link #read} when the line (terminator included) exceeds the budget. */
    static final int TOO_LONG = -2;

    private byte[] buf = new byte[256];
    /** Bytes gathered so far for the current line, terminator included once complete. */
    private int len;
    private boolean complete;
    private boolean bareLf;

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
        }
        int pos = in.position();
        int lim = in.limit();
        // One byte past the budget is taken so that "too long" is proven, and reported, as
        // "read budget + 1" rather than guessed.
        int room = Math.max(budget - len + 1, 0);
        int scanEnd = lim - pos > room ? pos + room : lim;
        int lf = -1;
        if (in.hasArray()) {
            byte[] a = in.array();
            int base = in.arrayOffset();
            for (int i = pos + base, end = scanEnd + base; i < end; i++) {
                if (a[i] == '\n') {
                    lf = i - base;
                    break;
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
        if (len + take > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + take, buf.length * 2));
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
        int content = len - 1;
        bareLf = content == 0 || buf[content - 1] != '\r';
        return bareLf ? content : content - 1;
    }

    /** Returns the array holding the current line's bytes from index 0. */
    byte[] buffer() {
        return buf;
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

    /** Forgets any partial line, keeping the array for the next message. */
    void clear() {
        len = 0;
        complete = false;
        bareLf = false;
    }
}
