package dev.courier.bench;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The upload target of the multipart benchmark, in its own JVM: reads each request head, then
 * exactly Content-Length body bytes into one reused buffer (counting them, keeping none), and
 * answers 200 with the count as the body. Keep-alive, one thread per connection. A request without
 * Content-Length gets 411 and the connection closes: every uploader here knows its length.
 *
 * <p>Prints {@code READY <port>}; serves until its standard input closes.
 */
final class SinkServer {

    private SinkServer() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel listener = LoopbackServer.listen();
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    SocketChannel ch = listener.accept();
                    Thread t = new Thread(() -> serve(ch), "sink-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("READY " + listener.socket().getLocalPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the driver to close our input
        }
        System.exit(0);
    }

    private static void serve(SocketChannel ch) {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        byte[] b = buffer.array();
        try (ch) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            while (true) {
                buffer.clear();
                int headEnd = -1;
                while (headEnd < 0) {
                    int before = buffer.position();
                    if (ch.read(buffer) < 0) {
                        return;
                    }
                    headEnd = ResponseScan.headEnd(b, Math.max(0, before - 3), buffer.position());
                    if (headEnd < 0 && !buffer.hasRemaining()) {
                        return; // a head of 256 KiB is not an upload
                    }
                }
                long length;
                try {
                    length = ResponseScan.contentLength(b, headEnd);
                } catch (IOException e) {
                    write(ch, "HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                long remaining = length - (buffer.position() - headEnd);
                while (remaining > 0) {
                    buffer.clear();
                    buffer.limit((int) Math.min(buffer.capacity(), remaining));
                    int n = ch.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    remaining -= n;
                }
                String count = Long.toString(length);
                write(ch, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + count.length() + "\r\n\r\n" + count);
            }
        } catch (IOException e) {
            // the uploader went away
        }
    }

    private static void write(SocketChannel ch, String response) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            ch.write(out);
        }
    }
}
