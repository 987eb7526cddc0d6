package dev.courier.wire;

import java.nio.ByteBuffer;

/** Zero-copy slicing of input buffers. */
final class Slices {

    /** An empty, read-only buffer shared by every "no bytes this time" answer. */
    static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private Slices() {
    }

    /** Returns the next {@code n} bytes of {@code in} as a slice sharing its content, and skips them. */
    static ByteBuffer take(ByteBuffer in, int n) {
        if (n == 0) {
            return EMPTY;
        }
        int pos = in.position();
        ByteBuffer slice = in.slice(pos, n);
        in.position(pos + n);
        return slice;
    }
}
