package dev.courier.server;

import dev.courier.internal.IoWatchdog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ClosedChannelException;
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
 *
 * <p>Once the connection has been parked between requests ({@link IdleParking}), the channel
 * stays in non-blocking mode: a read or write that finds nothing to do waits for readiness on a
 * selector of the calling thread's own, in slices of {@link #WAIT_SLICE_MILLIS}, so a channel
 * closed meanwhile (the watchdog's abort) is noticed within a slice.
 */
final class PlainTransport extends Transport {

    /** How long one wait on the thread's selector lasts before the channel is looked at again. */
    private static final long WAIT_SLICE_MILLIS = 100;

    private static final ThreadLocal<Selector> WAIT_SELECTOR = ThreadLocal.withInitial(() -> {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    private final SocketChannel channel;
    private final InputStream in;
    private final InetSocketAddress remote;
    private final IoWatchdog.Guard guard;

    /**
     * Once parked the first time, the channel stays in non-blocking mode, registered with the
     * parking selector under this key (see {@link IdleParking}); reads and writes then wait for
     * readiness through a selector of the thread's own.
     */
    private volatile SelectionKey parkingKey;

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
        if (parkingKey == null) {
            return guard.read(in, b, off, len, timeoutMillis);
        }
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        int n = channel.read(bb);
        if (n != 0) {
            return n; // the usual case: the selector said the bytes are there
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        // Bounded by the deadline (no bound for 0, as with a blocking read).
        while (n == 0) {
            long left = timeoutMillis <= 0 ? WAIT_SLICE_MILLIS : (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("read timed out after " + timeoutMillis + " ms");
            }
            await(SelectionKey.OP_READ, left);
            n = channel.read(bb);
        }
        return n;
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            if (channel.write(bb) == 0) {
                await(SelectionKey.OP_WRITE, WAIT_SLICE_MILLIS);
            }
        }
    }

    /** Writes head and body with one gathering write (more only when the socket takes part). */
    @Override
    void write(byte[] b, int off, int len, ByteBuffer body) throws IOException {
        ByteBuffer[] both = {ByteBuffer.wrap(b, off, len), body};
        // Bounded: each round writes at least one byte, or waits until the socket takes some
        // (the server's watchdog closes a connection whose write outlives the I/O timeout).
        while (both[0].hasRemaining() || body.hasRemaining()) {
            if (channel.write(both) == 0) {
                await(SelectionKey.OP_WRITE, WAIT_SLICE_MILLIS);
            }
        }
    }

    /** Returns the key under which this connection is parked, or null before it first parks. */
    SelectionKey parkingKey() {
        return parkingKey;
    }

    /** Switches to non-blocking mode for good and registers with {@code selector} for reading. */
    SelectionKey registerForParking(Selector selector, Object attachment) throws IOException {
        channel.configureBlocking(false);
        parkingKey = channel.register(selector, SelectionKey.OP_READ, attachment);
        return parkingKey;
    }

    /** Waits at most {@code millis} for the channel to be ready for {@code ops}; throws if it was closed meanwhile. */
    private void await(int ops, long millis) throws IOException {
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        Selector waiter = WAIT_SELECTOR.get();
        SelectionKey key = channel.register(waiter, ops);
        try {
            waiter.select(Math.min(millis, WAIT_SLICE_MILLIS));
        } finally {
            key.cancel();
            waiter.selectNow(); // deregisters now, so the next wait can register again
        }
    }

    /** Uses {@link FileChannel#transferTo}, which the JDK turns into sendfile(2) on Linux. */
    @Override
    void sendFile(FileChannel file, long position, long length) throws IOException {
        long end = position + length;
        long pos = position;
        while (pos < end) {
            long n = file.transferTo(pos, end - pos, channel);
            if (n == 0 && parkingKey != null && pos < file.size()) {
                await(SelectionKey.OP_WRITE, WAIT_SLICE_MILLIS);
                continue;
            }
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
            SelectionKey key = parkingKey;
            if (key != null) {
                // A channel registered with a selector keeps its socket open until that selector
                // next looks; make the parking leader look now, so the client sees the close.
                key.selector().wakeup();
            }
        } catch (IOException ignored) {
            // Nothing left to do for a connection being dropped.
        }
    }
}
