package dev.courier.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 test server that records each request exactly as received (head and body,
 * chunked bodies de-chunked) and answers with what {@code handler} returns (a whole response,
 * one per connection, closed after it).
 */
final class EchoServer implements AutoCloseable {

    /** One received request: start line, header lines in order, body. */
    record Received(String startLine, List<String> headerLines, byte[] body) {
        String header(String name) {
            for (String h : headerLines) {
                int c = h.indexOf(':');
                if (h.substring(0, c).equalsIgnoreCase(name)) {
                    return h.substring(c + 1).strip();
                }
            }
            return null;
        }

        String path() {
            return startLine.split(" ")[1];
        }
    }

    private final ServerSocket socket;
    private final Function<Received, byte[]> handler;
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    EchoServer(Function<Received, byte[]> handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::loop, "echo-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server answering 200 with body "ok". */
    static EchoServer ok() throws IOException {
        return new EchoServer(r -> response(200, "OK", "text/plain", "ok".getBytes(StandardCharsets.US_ASCII)));
    }

    int port() {
        return socket.getLocalPort();
    }

    String base() {
        return "127.0.0.1:" + port();
    }

    static byte[] response(int status, String reason, String type, byte[] body, String... extraHeaders) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        if (type != null) {
            sb.append("Content-Type: ").append(type).append("\r\n");
        }
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void loop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                Received r = read(s.getInputStream());
                if (r == null) {
                    continue;
                }
                received.add(r);
                byte[] reply = handler.apply(r);
                if (reply != null) {
                    OutputStream out = s.getOutputStream();
                    out.write(reply);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                // A client that went away (e.g. a timeout test) must not stop the server.
            }
        }
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int i = 0; i < 1 << 20 && matched < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                headers.add(lines[i]);
            }
        }
        Received partial = new Received(lines[0], headers, new byte[0]);
        String length = partial.header("Content-Length");
        String te = partial.header("Transfer-Encoding");
        byte[] body;
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = new byte[0];
        }
        return new Received(lines[0], headers, body);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int guard = 0; guard < 100_000; guard++) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                break;
            }
            out.write(in.readNBytes(size));
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
