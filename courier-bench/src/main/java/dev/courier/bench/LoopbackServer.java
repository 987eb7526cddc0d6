package dev.courier.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The server the client benchmark talks to, run in its own JVM so that neither its CPU nor its
 * allocation is charged to the client under test. Two listeners: one answers every request with a
 * small fixed response, the other with a 10 MiB body. Keep-alive, one platform thread per
 * connection, no parsing beyond finding the blank line that ends each request head, and no
 * allocation per request: it is meant to be cheaper than any client it serves.
 *
 * <p>Prints {@code READY <smallPort> <largePort>} on standard output once both listen.
 */
final class LoopbackServer {

    /** The small response body, the size of a typical JSON "ok" answer. */
    static final byte[] SMALL_BODY = "{\"status\":\"ok\",\"id\":12345}".getBytes(StandardCharsets.US_ASCII);

    /** The large download: 10 MiB as issue 4 asks. */
    static final int LARGE_BODY_BYTES = 10 * 1024 * 1024;

    private LoopbackServer() {
    }

    public static void main(String[] args) throws IOException {
        ByteBuffer small = response(SMALL_BODY.length, SMALL_BODY);
        ByteBuffer large = response(LARGE_BODY_BYTES, null);
        ServerSocketChannel smallListener = listen();
        ServerSocketChannel largeListener = listen();
        startAcceptor(smallListener, small);
        startAcceptor(largeListener, large);
        System.out.println("READY " + smallListener.socket().getLocalPort() + " " + largeListener.socket().getLocalPort());
        System.out.flush();
        // Stay up until the parent closes our standard input (or dies).
        while (System.in.read() != -1) {
            // ignore
        }
        System.exit(0);
    }

    /** Returns a read-only direct buffer holding the whole response, head and body. */
    static ByteBuffer response(int bodyLength, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bodyLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocateDirect(head.length + bodyLength);
        b.put(head);
        if (body != null) {
            b.put(body);
        } else {
            while (b.hasRemaining()) {
                b.put((byte) ('a' + b.position() % 26));
            }
        }
        b.flip();
        return b.asReadOnlyBuffer();
    }

    static ServerSocketChannel listen() throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        return ch;
    }

    private static void startAcceptor(ServerSocketChannel listener, ByteBuffer response) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    SocketChannel ch = listener.accept();
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Thread c = new Thread(() -> serve(ch, response.duplicate()), "loopback-conn");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "loopback-accept");
        t.setDaemon(true);
        t.start();
    }

    /** Answers each request head seen on {@code ch} with {@code response}, until the peer closes. */
    private static void serve(SocketChannel ch, ByteBuffer response) {
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        int matched = 0; // how much of CR LF CR LF has been seen at the end of the input so far
        try (ch) {
            while (ch.read(in) >= 0) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == (matched % 2 == 0 ? '\r' : '\n')) {
                        matched++;
                    } else {
                        matched = b == '\r' ? 1 : 0;
                    }
                    if (matched == 4) {
                        matched = 0;
                        response.clear();
                        while (response.hasRemaining()) {
                            ch.write(response);
                        }
                    }
                }
                in.clear();
            }
        } catch (IOException e) {
            // The client went away: nothing to do in a benchmark server.
        }
    }
}
