package dev.courier.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** The plain-socket side shared by the uploaders that write their own request head. */
final class SocketUploads {

    private SocketUploads() {
    }

    /** Opens a blocking channel to the sink and writes a POST head for a body of {@code length} bytes. */
    static SocketChannel open(int port, String contentType, long length) throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        String head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n";
        ByteBuffer b = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return ch;
    }

    /** Reads the sink's answer and fails unless it is 200. */
    static void expectOk(SocketChannel ch) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(1024);
        while (ResponseScan.headEnd(in.array(), 0, in.position()) < 0) {
            if (ch.read(in) < 0 || !in.hasRemaining()) {
                throw new IOException("sink closed the connection or sent an oversized head");
            }
        }
        int status = ResponseScan.status(in.array());
        if (status != 200) {
            throw new IOException("sink answered " + status);
        }
    }
}
