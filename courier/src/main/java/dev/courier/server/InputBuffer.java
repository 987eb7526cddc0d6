package dev.courier.server;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes read from one connection and not yet taken by the codec: the rest of a head, a body,
 * or the next pipelined request. One heap buffer per connection, reused for every request.
 *
 * <p>The buffer is always in "read mode": position..limit holds the unconsumed bytes.
 */
final class InputBuffer {

    /** 16 KiB: one TLS record, and the size Jetty and Netty read with. */
    static final int SIZE = 16 * 1024;

    private final Transport transport;
    final ByteBuffer buf = ByteBuffer.allocate(SIZE).flip();
    /** Total bytes read from the connection, for tests and the log. */
    long bytesRead;

    InputBuffer(Transport transport) {
        this.transport = transport;
    }

    /**
     * Reads more bytes after the unconsumed ones, waiting at most {@code timeoutMillis}; returns
     * the count, or -1 when the peer closed.
     *
     * @throws java.net.SocketTimeoutException when nothing came in time
     */
    int fill(int timeoutMillis) throws IOException {
        buf.compact();
        try {
            if (!buf.hasRemaining()) {
                throw new IllegalStateException("input buffer full with " + buf.position()
                        + " unconsumed bytes; the codec must take bytes before the next read");
            }
            int n = transport.read(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining(), timeoutMillis);
            if (n > 0) {
                buf.position(buf.position() + n);
                bytesRead += n;
            }
            return n;
        } finally {
            buf.flip();
        }
    }
}
