package dev.courier.cookie;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for interop tests: one request per connection, then close.
 * The handler gets the request head and returns the response headers and body.
 */
final class LoopbackServer implements AutoCloseable {

    /** What the handler answers: extra header lines ("Name: value") and a text body. */
    record Reply(List<String> headers, String body) {
    }

    private final ServerSocket socket;
    private final Thread thread;

    LoopbackServer(Function<String, Reply> handler) throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(handler), "loopback-cookie-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Function<String, Reply> handler) {
        // Bounded by close(): accept() throws once the socket is closed.
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                String head = readHead(s.getInputStream());
                Reply r = handler.apply(head);
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
                for (String h : r.headers()) {
                    sb.append(h).append("\r\n");
                }
                sb.append("Content-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(body.length)
                        .append("\r\nConnection: close\r\n\r\n");
                OutputStream out = s.getOutputStream();
                out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (SocketException e) {
                // Ends the loop only when close() closed the listener: a client that reset its own
                // connection also throws SocketException, and must not stop the server for the
                // requests after it.
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                // One bad connection does not stop the server.
            }
        }
    }

    /** Returns the request head up to the blank line, at most 64 KiB. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < 65536) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Returns the request path of a head, e.g. {@code /set}. */
    static String path(String head) {
        String line = head.substring(0, Math.max(0, head.indexOf('\r')));
        String[] parts = line.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    /** Returns the value of the first header {@code name} in a head, or "" when absent. */
    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
