package dev.courier.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.cert.Certificate;
import java.util.List;

/**
 * The byte pipe of one accepted connection, plain or TLS, seen by the {@link Connection} loop.
 *
 * <p>Reads go through {@link #read} with a timeout per call. A read that times out may leave the
 * transport unable to read further (plain connections shut their input down to end it), so the
 * caller must treat a read timeout as the end of the connection. Writes have no timeout of
 * their own; the server's {@link Watchdog} closes a connection whose write outlives its deadline.
 */
abstract class Transport implements AutoCloseable {

    /**
     * Reads into {@code b} waiting at most {@code timeoutMillis}; returns the count, or -1 at
     * end of stream.
     *
     * @throws java.net.SocketTimeoutException when nothing came in time
     */
    abstract int read(byte[] b, int off, int len, int timeoutMillis) throws IOException;

    /** Writes all of {@code b[off, off+len)}. */
    abstract void write(byte[] b, int off, int len) throws IOException;

    /**
     * Writes all of {@code b[off, off+len)} and then all of {@code body}. This default writes
     * them one after the other; a transport that can hand a buffer to the socket as it is
     * overrides it with one gathering write.
     */
    void write(byte[] b, int off, int len, ByteBuffer body) throws IOException {
        write(b, off, len);
        byte[] chunk = new byte[Math.min(body.remaining(), 16 * 1024)];
        // Bounded: each round takes at least one byte of body.
        while (body.hasRemaining()) {
            int n = Math.min(chunk.length, body.remaining());
            body.get(chunk, 0, n);
            write(chunk, 0, n);
        }
    }

    /** Sends {@code length} bytes of {@code file} from {@code position}. */
    abstract void sendFile(FileChannel file, long position, long length) throws IOException;

    /** Returns the client's address. */
    abstract InetSocketAddress remoteAddress();

    /** Returns true for TLS. */
    abstract boolean isSecure();

    /** Returns the client's certificates when it presented some over TLS, else an empty list. */
    abstract List<Certificate> peerCertificates();

    /** Sends FIN (or TLS close_notify) so the client sees the end of the response. */
    abstract void shutdownOutput();

    /**
     * Closes the connection from another thread while this one may be blocked in a write: the
     * write must fail at once, and closing must not wait for it. This default is {@link #close}.
     */
    void abort() {
        close();
    }

    /** Closes the connection; safe to call from any thread, more than once. */
    @Override
    public abstract void close();
}
