package dev.courier.wire;

import java.nio.ByteBuffer;
import java.util.zip.Inflater;

/**
 * Streams the deflate content coding, accepting both forms found in the wild: the zlib-wrapped
 * stream RFC 9110 §8.4.1.2 specifies (RFC 1950) and raw deflate (RFC 1951), which some servers
 * send instead. The form is told from the first two bytes: a zlib header has compression method
 * 8, a window of at most 32 KiB and a header check that makes the pair a multiple of 31.
 *
 * <p>Bytes after the end of the stream are refused. An empty body decodes to nothing. See
 * {@link ContentDecoder} for the lifecycle.
 */
public final class DeflateDecoder implements ContentDecoder {

    /** Where the decoder is. */
    public enum State {
        /** Waiting for the first two bytes to tell zlib from raw deflate. */
        DETECT,
        /** Inflating. */
        DATA,
        /** The stream ended. */
        DONE,
        /** The data was corrupt. */
        FAILED
    }

    private Inflater inflater;
    private State state = State.DETECT;
    private int held = -1;
    /** The first two bytes when they arrived in separate calls; inflated before the input. */
    private ByteBuffer prefix;
    private long offset;
    private boolean zlib;

    /** Returns a decoder for one deflate body. */
    public DeflateDecoder() {
    }

    /** Returns the state. */
    public State state() {
        return state;
    }

    /** Returns true when the stream was zlib-wrapped, false for raw deflate (after detection). */
    public boolean isZlibWrapped() {
        return zlib;
    }

    @Override
    public int decode(ByteBuffer in, ByteBuffer out) {
        if (state == State.FAILED) {
            throw new IllegalStateException("deflate decoder state: FAILED");
        }
        try {
            return advance(in, out);
        } catch (HttpParseException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private int advance(ByteBuffer in, ByteBuffer out) {
        if (state == State.DETECT) {
            if (!detect(in)) {
                return 0;
            }
        }
        int written = 0;
        if (prefix != null) {
            written += inflateFrom(prefix, out);
            if (prefix.hasRemaining()) {
                return written;
            }
            prefix = null;
        }
        written += inflateFrom(in, out);
        if (state == State.DONE && in.hasRemaining()) {
            throw new HttpParseException(HttpParseException.Violation.BAD_DEFLATE_DATA, offset,
                    in.remaining() + " bytes follow the end of the deflate stream");
        }
        return written;
    }

    private int inflateFrom(ByteBuffer in, ByteBuffer out) {
        int written = 0;
        while (state == State.DATA && out.hasRemaining()) {
            int before = in.position();
            int n = InflaterSupport.inflate(inflater, in, out, null, offset);
            offset += in.position() - before;
            written += n;
            if (inflater.finished()) {
                state = State.DONE;
            } else if (n == 0 && in.position() == before) {
                return written;
            }
        }
        return written;
    }

    /** Looks at the first two bytes; returns false when they have not both arrived. */
    private boolean detect(ByteBuffer in) {
        int b0;
        int b1;
        if (held < 0) {
            if (in.remaining() < 2) {
                if (in.hasRemaining()) {
                    held = in.get() & 0xFF;
                }
                return false;
            }
            b0 = in.get(in.position()) & 0xFF;
            b1 = in.get(in.position() + 1) & 0xFF;
        } else {
            if (!in.hasRemaining()) {
                return false;
            }
            b0 = held;
            b1 = in.get(in.position()) & 0xFF;
        }
        zlib = (b0 & 0x0F) == 8 && (b0 >>> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
        inflater = new Inflater(!zlib);
        state = State.DATA;
        if (held >= 0) {
            // Only when the body arrives one byte at a time: the held byte and the next go first.
            prefix = ByteBuffer.wrap(new byte[] {(byte) held, in.get()});
        }
        return true;
    }

    @Override
    public boolean isFinished() {
        return state == State.DONE;
    }

    @Override
    public void endOfInput() {
        boolean empty = state == State.DETECT && held < 0;
        if (state != State.DONE && !empty) {
            throw new HttpParseException(HttpParseException.Violation.TRUNCATED, offset,
                    (zlib ? "zlib" : "deflate") + " data ends before the end of the stream; the body was cut short");
        }
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
