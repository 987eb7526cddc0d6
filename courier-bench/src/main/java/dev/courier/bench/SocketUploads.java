package dev.courier.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The plain-socket side shared by the uploaders that write their own request head: one keep-alive
 * connection to the sink, reused across uploads as the clients' pools reuse theirs, so that small
 * uploads do not pay a connect that the clients do not pay. {@code TCP_NODELAY} is set, as a
 * client should (see BENCHMARKS.md, "Notes on the peers").
 *
 * <p>Lifecycle: {@link #begin} (connects the first time, writes the head), the caller writes the
 * body to the returned channel, {@link #finish} reads the answer; {@link #close} at the end.
 */
final class SocketUploads implements AutoCloseable {

    private final ByteBuffer answer = ByteBuffer.allocate(1024);
    private SocketChannel channel;

    /** Returns the open channel after writing a POST head for a body of {@code length} bytes. */
    SocketChannel begin(int port, String contentType, long length) throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            // As Apache HttpClient does by default: without it the small write of the closing
            // boundary waits on Nagle and the sink's delayed ACK (up to 40 ms on Linux) on a
            // reused connection, which would measure TCP settings rather than the encoder.
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        }
        String head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n";
        ByteBuffer b = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            channel.write(b);
        }
        return channel;
    }

    /** Reads the sink's whole answer (head and body, so the connection can be reused); fails unless 200. */
    void finish() throws IOException {
        answer.clear();
        byte[] a = answer.array();
        int headEnd = -1;
        while (headEnd < 0) {
            if (channel.read(answer) < 0 || !answer.hasRemaining()) {
                throw new IOException("sink closed the connection or sent an oversized head");
            }
            headEnd = ResponseScan.headEnd(a, 0, answer.position());
        }
        int status = ResponseScan.status(a);
        long bodyEnd = headEnd + ResponseScan.contentLength(a, headEnd);
        while (answer.position() < bodyEnd) {
            if (channel.read(answer) < 0) {
                throw new IOException("sink closed the connection mid-answer");
            }
        }
        if (status != 200) {
            throw new IOException("sink answered " + status);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
