package dev.courier;

import dev.courier.wire.BodyDecoder;
import dev.courier.wire.HeadParser;
import dev.courier.wire.RequestHead;
import dev.courier.wire.WireLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted loopback server for fault injection: each accepted connection runs the script, which
 * reads requests with the wire codec and writes whatever bytes the test wants, however broken.
 */
final class FakeServer implements AutoCloseable {

    /** What to do with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** One accepted connection. */
    static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final int index;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024).flip();
        private final HeadParser<RequestHead> parser = HeadParser.forRequests(WireLimits.defaults());

        Conn(Socket socket, int index) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.index = index;
        }

        /** Reads one request head (null when the client closed first). */
        RequestHead readHead() throws IOException {
            parser.reset();
            while (true) {
                RequestHead h = parser.parse(buf);
                if (h != null) {
                    return h;
                }
                if (!fill()) {
                    return null;
                }
            }
        }

        /** Reads one whole request and returns its head; the body is put in {@code body}. */
        RequestHead readRequest(ByteArrayOutputStream body) throws IOException {
            RequestHead h = readHead();
            if (h == null) {
                return null;
            }
            BodyDecoder d = BodyDecoder.forFraming(h.framing(), true, WireLimits.defaults());
            while (!d.isComplete()) {
                ByteBuffer s = d.decode(buf);
                if (body != null) {
                    byte[] b = new byte[s.remaining()];
                    s.get(b);
                    body.write(b);
                }
                if (!d.isComplete() && !buf.hasRemaining() && !fill()) {
                    return null;
                }
            }
            return h;
        }

        private boolean fill() throws IOException {
            buf.compact();
            int n = in.read(buf.array(), buf.position(), buf.remaining());
            if (n > 0) {
                buf.position(buf.position() + n);
            }
            buf.flip();
            return n > 0;
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void ok(String body) throws IOException {
            send("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    final AtomicInteger connections = new AtomicInteger();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FakeServer(Script script) throws IOException {
        this(script, 50);
    }

    FakeServer(Script script, int backlog) throws IOException {
        this(new ServerSocket(0, backlog, InetAddress.getLoopbackAddress()), script);
    }

    /** Serves {@code script} on an already bound {@code server}, e.g. an SSLServerSocket. */
    FakeServer(ServerSocket server, Script script) {
        this.server = server;
        acceptor = new Thread(() -> acceptLoop(script), "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(Script script) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int index = connections.incrementAndGet();
                Thread t = new Thread(() -> {
                    try (s) {
                        script.run(new Conn(s, index));
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }, "fake-conn-" + index);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Returns the port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** Returns {@code scheme://host:port} + {@code path}. */
    String url(String scheme, String host, String path) {
        return scheme + "://" + host + ":" + server.getLocalPort() + path;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
