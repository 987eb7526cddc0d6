package dev.courier.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import dev.courier.internal.IoWatchdog;
import dev.courier.wire.HeadParser;
import dev.courier.wire.HeadWriter;
import dev.courier.wire.ResponseHead;
import dev.courier.wire.WireLimits;

/**
 * One open HTTP/1.1 connection: a socket, a reusable read buffer and a write buffer, with the
 * read, write and deadline bounds of the exchange in progress.
 *
 * <p>Reads go through the socket's input stream; TLS reads (and the wait for 100 Continue) are
 * bounded with SO_TIMEOUT, plain reads and all writes by {@link IoWatchdog} (see
 * {@link #fill(boolean)} for why). Plain connections keep their channel so file bodies can be
 * sent with {@link FileChannel#transferTo} (sendfile).
 *
 * <p>Lifecycle: opened by {@link Connector}; {@link #begin} per exchange; returned to the
 * {@link ConnectionPool} when a response has been fully read and allows reuse; closed otherwise.
 */
public final class Connection implements Closeable {

    /** Read buffer size: 16 KiB, one TLS record, large enough for most response heads at once. */
    static final int READ_BUFFER_BYTES = 16 * 1024;
    /** Write buffer size: 8 KiB, as BufferedOutputStream; heads and small bodies leave in one write. */
    static final int WRITE_BUFFER_BYTES = 8 * 1024;

    private final Origin origin;
    private final Socket socket;
    /** The TCP socket: {@link #socket} itself for plain connections, the one under the TLS layer otherwise. */
    private final Socket tcp;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final WireTap tap;
    private final WireLimits limits;
    private final HeadParser<ResponseHead> headParser;
    private final HeadWriter headWriter = new HeadWriter();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES).flip();
    private final byte[] writeBuffer = new byte[WRITE_BUFFER_BYTES];
    /** Bounds each blocking write, and each read of a plain connection (see {@link #fill(boolean)}). */
    private final IoWatchdog.Guard guard = new IoWatchdog.Guard(this::abort);
    private int writeLength;

    /*
     * The last request head sent, by the identity of the immutable objects it was made of, and
     * its bytes once the same objects came twice in a row. A prepared Request sent again and
     * again reaches here with the same URL and header objects (the Session caches both), so its
     * head is validated and encoded once per connection rather than per request; any other
     * request costs three reference comparisons.
     */
    private Object headMethod;
    private Object headUrl;
    private Object headFields;
    private byte[] headBytes;

    private int readTimeoutMillis;
    private int writeTimeoutMillis;
    private Deadline deadline = Deadline.after(null);
    private int appliedSoTimeout = -1;
    private boolean responseStarted;
    private int exchanges;
    private long idleSinceNanos;
    /** The id of the thread that gave this connection back to the pool last. */
    private long releasedBy = -1;
    /** Volatile: the I/O watchdog sets it from its own thread when it aborts the connection. */
    private volatile boolean closed;

    /** The proxy this plain connection forwards requests through (absolute form), or null. */
    private final ProxySettings forwardProxy;

    Connection(Origin origin, Socket socket, Socket tcp, SocketChannel channel, WireTap tap, WireLimits limits,
            ProxySettings forwardProxy) throws IOException {
        this.forwardProxy = forwardProxy;
        this.tcp = tcp;
        this.limits = limits;
        this.headParser = HeadParser.forResponses(limits);
        this.origin = origin;
        this.socket = socket;
        this.channel = channel;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.tap = tap;
    }

    /** Returns the origin this connection talks to. */
    public Origin origin() {
        return origin;
    }

    /** Returns the proxy that plain requests on this connection go through in absolute form, or null. */
    ProxySettings forwardProxy() {
        return forwardProxy;
    }

    /** Returns the size limits for parsing responses. */
    WireLimits limits() {
        return limits;
    }

    /** Returns this connection's request head writer, whose buffer is reused for every request. */
    HeadWriter headWriter() {
        return headWriter;
    }

    /** Returns the bytes of {@code request}'s head when this connection kept them for the same head objects, else null. */
    byte[] repeatedHead(ExchangeRequest request) {
        return sameHeadObjects(request) ? headBytes : null;
    }

    /** Remembers the objects of the head just encoded, keeping a copy of its bytes when they came twice in a row. */
    void sentHead(ExchangeRequest request, ByteBuffer encoded) {
        if (sameHeadObjects(request)) {
            byte[] copy = new byte[encoded.remaining()];
            encoded.duplicate().get(copy);
            headBytes = copy;
        } else {
            headMethod = request.method();
            headUrl = request.url();
            headFields = request.headers();
            headBytes = null;
        }
    }

    private boolean sameHeadObjects(ExchangeRequest request) {
        return request.method() == headMethod && request.url() == headUrl && request.headers() == headFields;
    }

    /** Returns this connection's response head parser, reset for a new head. */
    HeadParser<ResponseHead> headParser() {
        headParser.reset();
        return headParser;
    }

    /**
     * Waits up to {@code millis} for response bytes, for {@code Expect: 100-continue}; returns
     * true when some arrived (or the peer closed), false when the wait ran out.
     */
    boolean awaitResponse(int millis) throws TransportFailure {
        if (readBuffer.hasRemaining()) {
            return true;
        }
        int saved = readTimeoutMillis;
        readTimeoutMillis = millis;
        try {
            // A timeout here only ends the wait, so the connection must stay open: SO_TIMEOUT.
            fill(true);
            return true;
        } catch (TransportFailure e) {
            if (e.kind() == TransportFailure.Kind.READ_TIMEOUT) {
                return false;
            }
            throw e;
        } finally {
            readTimeoutMillis = saved;
        }
    }

    /** Prepares for one exchange with these bounds (milliseconds, 0 for none). */
    void begin(int readTimeoutMillis, int writeTimeoutMillis, Deadline deadline) {
        this.readTimeoutMillis = readTimeoutMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.deadline = deadline;
        this.responseStarted = false;
        exchanges++;
    }

    /** Returns true when an earlier exchange already used this connection. */
    boolean isReused() {
        return exchanges > 1;
    }

    /** Returns true once a byte of the current response was read. */
    boolean responseStarted() {
        return responseStarted;
    }

    /** Returns the buffer of received bytes not yet consumed, in read mode. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Reads more bytes into the read buffer; returns the count, or -1 when the peer closed. */
    int fill() throws TransportFailure {
        return fill(false);
    }

    /**
     * Reads more bytes, bounded by the read timeout and the deadline. A plain connection reads
     * with SO_TIMEOUT off and its {@link IoWatchdog.Guard} armed instead, which closes the socket
     * when the time is up: with SO_TIMEOUT set, every read of a blocking channel's socket adaptor
     * switches the socket to non-blocking mode and back (four fcntl calls around each read, about
     * a tenth of a small GET's time). A read timeout ends the exchange and its connection anyway;
     * only {@code keepOpen} reads (the wait for 100 Continue) must survive one, and they use
     * SO_TIMEOUT. TLS sockets always use SO_TIMEOUT, which costs them nothing extra.
     */
    private int fill(boolean keepOpen) throws TransportFailure {
        flush();
        readBuffer.compact();
        try {
            int n = readSocket(readBuffer.array(), readBuffer.arrayOffset() + readBuffer.position(),
                    readBuffer.remaining(), keepOpen);
            if (n > 0) {
                readBuffer.position(readBuffer.position() + n);
            }
            return n;
        } finally {
            readBuffer.flip();
        }
    }

    /**
     * Reads up to {@code len} bytes from the socket straight into {@code b}, past the read buffer,
     * which must be empty: for a body of known length the caller's array is the only copy.
     * Returns the count, or -1 when the peer closed.
     */
    int readDirect(byte[] b, int off, int len) throws TransportFailure {
        if (readBuffer.hasRemaining()) {
            throw new IllegalStateException("buffered bytes must be taken before a direct read");
        }
        flush();
        return readSocket(b, off, len, false);
    }

    /** One socket read with the bounds of {@link #fill(boolean)}; reports the bytes to the wire tap. */
    private int readSocket(byte[] b, int off, int len, boolean keepOpen) throws TransportFailure {
        try {
            int timeout = deadline.bound(readTimeoutMillis);
            if (deadline.isSet() && timeout == 0 && deadline.remainingMillis() == 0) {
                throw deadline.expired(responseStarted);
            }
            boolean guarded = channel != null && !keepOpen && timeout > 0;
            int soTimeout = guarded ? 0 : timeout;
            if (soTimeout != appliedSoTimeout) {
                socket.setSoTimeout(soTimeout);
                appliedSoTimeout = soTimeout;
            }
            int n = guarded ? guard.read(in, b, off, len, timeout) : in.read(b, off, len);
            if (n > 0) {
                tap.bytes(false, b, off, n);
                responseStarted = true;
            }
            return n;
        } catch (SocketTimeoutException e) {
            throw readTimeout(e);
        } catch (TransportFailure e) {
            throw e;
        } catch (IOException e) {
            throw lost("reading from", e);
        }
    }

    private TransportFailure readTimeout(IOException cause) {
        if (deadline.isSet() && !deadline.stepIsTighter(readTimeoutMillis)) {
            return deadline.expired(responseStarted);
        }
        return new TransportFailure(TransportFailure.Kind.READ_TIMEOUT, responseStarted,
                "no byte from " + origin + " within the read timeout of " + readTimeoutMillis
                        + " ms; raise it with Session.builder().readTimeout(...)", cause);
    }

    /** Buffers {@code len} bytes from {@code b[off]}, writing to the socket when the buffer fills. */
    void write(byte[] b, int off, int len) throws TransportFailure {
        if (len > writeBuffer.length - writeLength) {
            flush();
            if (len >= writeBuffer.length) {
                send(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, writeBuffer, writeLength, len);
        writeLength += len;
    }

    /** Writes the buffered bytes to the socket. */
    void flush() throws TransportFailure {
        if (writeLength > 0) {
            int n = writeLength;
            writeLength = 0;
            send(writeBuffer, 0, n);
        }
    }

    /** Returns true when file bodies can go out by sendfile: a plain connection and no wire log. */
    boolean canTransferFiles() {
        return channel != null && tap == WireTap.NONE;
    }

    /** Sends {@code count} bytes of {@code file} from {@code position} with FileChannel.transferTo. */
    void transferFrom(FileChannel file, long position, long count) throws TransportFailure {
        flush();
        long done = 0;
        while (done < count) {
            guard.arm(writeBound());
            try {
                long n = file.transferTo(position + done, count - done, channel);
                if (n <= 0 && file.size() <= position + done) {
                    throw new IOException("the file shrank while being sent");
                }
                done += n;
            } catch (IOException e) {
                throw writeFailure(guard.disarm(), e);
            }
            if (guard.disarm()) {
                throw writeFailure(true, null);
            }
        }
    }

    /**
     * Lets {@code writer} write a body straight to the socket channel (file parts by sendfile).
     * The write timeout applies to each piece the writer reports, so a large body is bounded per
     * piece, as {@link #transferFrom} is; the deadline still caps every piece.
     */
    void writeThrough(OutgoingBody.ChannelWriter writer) throws TransportFailure {
        flush();
        int first = writeBound();
        guard.arm(first);
        try {
            writer.writeTo(channel, () -> guard.arm(pieceBound()));
        } catch (IOException e) {
            throw writeFailure(guard.disarm(), e);
        }
        if (guard.disarm()) {
            throw writeFailure(true, null);
        }
    }

    /** Returns the bound for the next piece of a body; 1 ms once the deadline has passed, so the guard fires. */
    private int pieceBound() {
        if (deadline.isSet() && deadline.remainingMillis() == 0) {
            return 1;
        }
        return deadline.bound(writeTimeoutMillis);
    }

    private void send(byte[] b, int off, int len) throws TransportFailure {
        guard.arm(writeBound());
        try {
            out.write(b, off, len);
            out.flush();
        } catch (IOException e) {
            throw writeFailure(guard.disarm(), e);
        }
        if (guard.disarm()) {
            throw writeFailure(true, null);
        }
        tap.bytes(true, b, off, len);
    }

    private int writeBound() throws TransportFailure {
        if (deadline.isSet() && deadline.remainingMillis() == 0) {
            throw deadline.expired(responseStarted);
        }
        return deadline.bound(writeTimeoutMillis);
    }

    private TransportFailure writeFailure(boolean timedOut, IOException e) {
        if (!timedOut) {
            return lost("writing to", e);
        }
        if (deadline.isSet() && !deadline.stepIsTighter(writeTimeoutMillis)) {
            return deadline.expired(responseStarted);
        }
        return new TransportFailure(TransportFailure.Kind.WRITE_TIMEOUT, responseStarted,
                "a write to " + origin + " did not finish within the write timeout of " + writeTimeoutMillis
                        + " ms; raise it with Session.builder().writeTimeout(...)", e);
    }

    private TransportFailure lost(String doing, IOException e) {
        boolean tls = socket instanceof javax.net.ssl.SSLSocket;
        // With TLS 1.3 a server that wants a client certificate rejects it after the client's
        // handshake has finished, so the refusal shows up here, on the first exchange.
        String hint = tls && exchanges == 1 && !responseStarted
                ? "; if the server requires a client certificate, set one with Session.builder().clientCertificate(...)"
                : "";
        TransportFailure.Kind kind = e instanceof javax.net.ssl.SSLException
                ? TransportFailure.Kind.TLS : TransportFailure.Kind.CONNECTION_LOST;
        return new TransportFailure(kind, responseStarted,
                "connection to " + origin + " failed while " + doing + " it: " + e + hint, e);
    }

    /** Marks the time this connection went back to the pool, and the thread that gave it back. */
    void markIdle(long nanos, long threadId) {
        idleSinceNanos = nanos;
        releasedBy = threadId;
    }

    /** Returns the id of the thread that gave this connection back to the pool last, or -1. */
    long releasedBy() {
        return releasedBy;
    }

    /** Returns when this connection went idle, from System.nanoTime(). */
    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** Returns true once closed. */
    boolean isClosed() {
        return closed || socket.isClosed();
    }

    /**
     * Ends a read or write blocked on another thread, at once (the guard's action). For TLS it
     * closes the TCP socket under the TLS layer: {@code SSLSocket.close()} first sends
     * close_notify, which waits for the lock a blocked writer holds, so it would block the
     * watchdog for as long as the peer does not read.
     */
    private void abort() {
        if (tcp != socket) {
            closed = true;
            try {
                tcp.close();
            } catch (IOException ignored) {
                // The descriptor is released regardless; the blocked call fails either way.
            }
            return;
        }
        close();
    }

    /** Closes the socket; safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        guard.unregister();
        if (channel != null && !socket.isOutputShutdown()) {
            // A sendfile blocked in FileChannel.transferTo is not woken by closing the channel
            // (the transfer does not register with it); shutting the socket down makes it fail
            // at once, so the watchdog's write timeout also holds for file bodies.
            try {
                socket.shutdownOutput();
            } catch (IOException ignored) {
                // Already reset or closed: the close below is all that is left to do.
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing can be done about a failing close; the descriptor is released regardless.
        }
    }

    @Override
    public String toString() {
        return "Connection[" + origin + ", exchanges=" + exchanges + "]";
    }
}
