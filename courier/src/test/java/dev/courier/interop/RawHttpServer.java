package dev.courier.interop;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deliberately small HTTP/1.1 server on a raw {@link ServerSocket}, independent of Courier's own
 * server and codec, so that what it reports is not Courier checking itself. One request per
 * connection (it answers {@code Connection: close}); bodies only with {@code Content-Length}.
 */
final class RawHttpServer implements AutoCloseable {

    /** The largest request head accepted; curl's and Python's heads here are under 1 KiB. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Socket read timeout, so that a stuck peer fails the test instead of hanging it. */
    static final int SO_TIMEOUT_MILLIS = 15_000;

    /** A received request: its head, and its body as a stream bounded by Content-Length. */
    record Exchange(String method, String target, List<String[]> headers, InputStream body) {
        /** Returns the first value of header {@code name} (any case), or null. */
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        /** Returns the path of the target, without the query. */
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** A reply: status, extra header lines ({@code "Name: value"}), body. */
    record Reply(int status, List<String> headerLines, byte[] body) {
        static Reply text(String text, String... headerLines) {
            return new Reply(200, List.of(headerLines), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the server does with each request. */
    interface Handler {
        Reply handle(Exchange exchange) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Thread acceptor;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    RawHttpServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Returns the port, bound on 127.0.0.1. */
    int port() {
        return socket.getLocalPort();
    }

    /** Returns {@code http://host:port} + {@code path}. */
    String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    /** Returns the failures of connection threads so far (a test asserts there were none). */
    List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> serve(s), "raw-http-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(SO_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(s.getInputStream(), 256 * 1024);
            List<String> lines = readHead(in);
            if (lines.isEmpty()) {
                return; // the peer opened and closed a connection without a request
            }
            String[] requestLine = lines.get(0).split(" ", 3);
            List<String[]> headers = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
            Exchange ex = new Exchange(requestLine[0], requestLine[1], headers, InputStream.nullInputStream());
            String length = ex.header("Content-Length");
            Reply reply;
            if (ex.header("Transfer-Encoding") != null) {
                reply = new Reply(501, List.of(), "this test server reads only Content-Length bodies".getBytes(StandardCharsets.UTF_8));
            } else {
                long n = length == null ? 0 : Long.parseLong(length);
                if ("100-continue".equalsIgnoreCase(ex.header("Expect"))) {
                    s.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                ex = new Exchange(ex.method(), ex.target(), headers, new Bounded(in, n));
                reply = handler.handle(ex);
                ex.body().transferTo(OutputStream.nullOutputStream());
            }
            write(s.getOutputStream(), reply);
        } catch (SocketException e) {
            // The peer closed first (curl does after reading Content-Length bytes): nothing to report.
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (!lines.isEmpty()) {
            throw new IOException("connection closed inside the request head after " + lines);
        }
        return lines;
    }

    private static void write(OutputStream out, Reply r) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(r.status() < 400 ? " OK" : " Error")
                .append("\r\nContent-Length: ").append(r.body().length).append("\r\nConnection: close\r\n");
        boolean typed = false;
        for (String h : r.headerLines()) {
            head.append(h).append("\r\n");
            typed |= h.toLowerCase(Locale.ROOT).startsWith("content-type:");
        }
        if (!typed) {
            head.append("Content-Type: text/plain; charset=utf-8\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A view of {@code in} that ends after {@code length} bytes. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("body ended " + left + " bytes before its Content-Length");
            }
            left -= n;
            return n;
        }
    }
}
