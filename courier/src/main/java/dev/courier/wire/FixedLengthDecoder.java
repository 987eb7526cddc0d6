package dev.courier.wire;

import java.nio.ByteBuffer;

/** A body of a known number of bytes (Content-Length, RFC 9112 §6.2), handed out as slices. */
public final class FixedLengthDecoder implements BodyDecoder {

    private final long length;
    private long remaining;

    /** Returns a decoder of a body of exactly {@code length} bytes. */
    public FixedLengthDecoder(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        this.length = length;
        this.remaining = length;
    }

    @Override
    public ByteBuffer decode(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
        ByteBuffer slice = Slices.take(in, n);
        remaining -= n;
        return slice;
    }

    /** Returns the bytes still to come. */
    public long remaining() {
        return remaining;
    }

    @Override
    public boolean isComplete() {
        return remaining == 0;
    }

    @Override
    public void endOfInput() {
        if (remaining > 0) {
            throw new HttpParseException(HttpParseException.Violation.TRUNCATED, length - remaining,
                    "connection closed after " + (length - remaining) + " of " + length + " body bytes (Content-Length)");
        }
    }
}
