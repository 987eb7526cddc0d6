package dev.courier.server;

import dev.courier.internal.IoWatchdog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.util.List;

/**
 * A plain TCP connection on a blocking {@link SocketChannel}: reads through the socket adaptor,
 * writes and {@code transferTo} straight on the channel.
 *
 * <p>Reads are bounded by an {@link IoWatchdog.Guard}, not by {@code SO_TIMEOUT}: with
 * SO_TIMEOUT set, every read of a blocking channel's socket adaptor switches the socket to
 * non-blocking mode and back, four fcntl calls around a one-syscall read. The guard shuts the
 * input down when a read outlives its bound, which ends the blocked read at once; the read then
 * throws {@link java.net.SocketTimeoutException}. Input shut down is fine: every read timeout of the
 * server ends its connection (408, an abandoned body, or an idle close).
 */
final class PlainTransport extends Transport {

    private final SocketChannel channel;
    private final InputStream in;
    private final InetSocketAddress remote;
    private final IoWatchdog.Guard guard;

    PlainTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        Socket socket = channel.socket();
        this.in = socket.getInputStream();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        socket.setTcpNoDelay(true);
        this.guard = new IoWatchdog.Guard(channel::shutdownInput);
    }

    @Override
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
        return guard.read(in, b, off, len, timeoutMillis);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
    }

    /** Writes head and body with one gathering write (more only when the socket takes part). */
    @Override
    void write(byte[] b, int off, int len, ByteBuffer body) throws IOException {
        ByteBuffer[] both = {ByteBuffer.wrap(b, off, len), body};
        // Bounded: each round writes at least one byte (a blocking channel waits until it can).
        while (both[0].hasRemaining() || body.hasRemaining()) {
            channel.write(both);
        }
    }

    /** Uses {@link FileChannel#transferTo}, which the JDK turns into sendfile(2) on Linux. */
    @Override
    void sendFile(FileChannel file, long position, long length) throws IOException {
        long end = position + length;
        long pos = position;
        while (pos < end) {
            long n = file.transferTo(pos, end - pos, channel);
            if (n <= 0) {
                if (pos >= file.size()) {
                    throw new IOException("file shrank while being sent: wanted bytes up to " + end
                            + ", it now has " + file.size());
                }
                continue;
            }
            pos += n;
        }
    }

    @Override
    InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    boolean isSecure() {
        return false;
    }

    @Override
    List<Certificate> peerCertificates() {
        return List.of();
    }

    @Override
    void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // Already gone: the close that follows is all that is left.
        }
    }

    @Override
    void abort() {
        // A sendfile blocked in FileChannel.transferTo is not woken by closing the channel on
        // Java 17 (the transfer does not register its thread with the socket channel), so it
        // would stay blocked until the client reads. Shutting the output down fails it at once.
        shutdownOutput();
        close();
    }

    @Override
    public void close() {
        guard.unregister();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do for a connection being dropped.
        }
    }
}
