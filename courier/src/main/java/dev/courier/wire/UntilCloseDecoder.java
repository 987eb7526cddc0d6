package dev.courier.wire;

import java.nio.ByteBuffer;

/** A response body that ends when the server closes the connection (RFC 9112 §6.3 rule 8). */
public final class UntilCloseDecoder implements BodyDecoder {

    private boolean closed;

    /** Returns a decoder that takes every byte until {@link #endOfInput()}. */
    public UntilCloseDecoder() {
    }

    @Override
    public ByteBuffer decode(ByteBuffer in) {
        return Slices.take(in, closed ? 0 : in.remaining());
    }

    @Override
    public boolean isComplete() {
        return closed;
    }

    @Override
    public void endOfInput() {
        closed = true;
    }
}
