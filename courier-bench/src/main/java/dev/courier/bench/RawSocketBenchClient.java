package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor: what any client must at least do for one exchange. Pre-built request bytes, one
 * keep-alive socket per thread, a scan for the end of the head and for Content-Length, then the
 * body read into a reused buffer. No header objects, no pool, no validation: it only works against
 * the loopback servers of this module, which always send Content-Length.
 *
 * <p>The client suite starts new worker threads for every window and keeps the client between
 * windows (see {@link ClientBench}): a thread without a socket first takes one left by a thread
 * that has ended, as a pooled client reuses its idle connections, and opens one only when there is
 * none. That happens once per thread, never per request.
 */
final class RawSocketBenchClient implements BenchClient {

    /** Every socket opened, guarded by itself. */
    private final List<Connection> open = new ArrayList<>();
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private String host;
    private int port;
    private byte[] requestBytes;

    @Override
    public void prepare(String url) {
        URI uri = URI.create(url);
        host = uri.getHost();
        port = uri.getPort();
        requestBytes = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public long get() throws IOException {
        Connection c = connection.get();
        if (c == null) {
            c = claim();
            connection.set(c);
        }
        return c.exchange(requestBytes);
    }

    /** Returns a socket whose thread has ended, now owned by the caller, or a new one. */
    private Connection claim() throws IOException {
        synchronized (open) {
            for (Connection c : open) {
                if (!c.owner.isAlive()) {
                    c.owner = Thread.currentThread();
                    return c;
                }
            }
        }
        Connection c = new Connection(new Socket(host, port));
        synchronized (open) {
            open.add(c);
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        synchronized (open) {
            for (Connection c : open) {
                c.socket.close();
            }
            open.clear();
        }
    }

    /** One keep-alive socket with its read buffer. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buffer = new byte[READ_BUFFER];
        /** The thread using the socket; read and written only while holding the client's list. */
        Thread owner = Thread.currentThread();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        long exchange(byte[] request) throws IOException {
            out.write(request);
            int length = 0;
            int headEnd = -1;
            while (headEnd < 0) {
                if (length == buffer.length) {
                    throw new IOException("response head larger than " + buffer.length + " bytes");
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    throw new IOException("server closed the connection before the response head ended");
                }
                headEnd = ResponseScan.headEnd(buffer, Math.max(0, length - 3), length + n);
                length += n;
            }
            int status = ResponseScan.status(buffer);
            if (status != 200) {
                throw BenchClient.unexpectedStatus(status);
            }
            long contentLength = ResponseScan.contentLength(buffer, headEnd);
            long remaining = contentLength - (length - headEnd);
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("server closed the connection with " + remaining + " body bytes unread");
                }
                remaining -= n;
            }
            return contentLength;
        }
    }
}
