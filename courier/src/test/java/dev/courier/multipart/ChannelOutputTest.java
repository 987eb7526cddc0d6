package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel path (FileChannel.transferTo for file parts) gives the same bytes on real channels. */
class ChannelOutputTest {

    @TempDir
    Path tmp;

    private Multipart body() throws Exception {
        byte[] data = new byte[5_000_000];
        new Random(1).nextBytes(data);
        Path f = Files.write(tmp.resolve("data.bin"), data);
        return Multipart.form().field("a", "1").file("f", f).field("z", "end").build();
    }

    private static byte[] viaStream(Multipart m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void writesTheSameBytesToALoopbackSocketChannel() throws Exception {
        Multipart m = body();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel peer = server.accept()) {
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                    // Bounded: ends at EOF, which the writer sends after the body.
                    while (peer.read(buf.clear()) >= 0) {
                        got.write(buf.array(), 0, buf.position());
                    }
                    return got.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long written;
            try (SocketChannel ch = SocketChannel.open(server.getLocalAddress())) {
                written = m.writeTo(ch);
                ch.shutdownOutput();
                assertArrayEquals(viaStream(m), received.get(10, TimeUnit.SECONDS));
            }
            assertEquals(m.contentLength(), written);
        }
    }

    @Test
    void writesTheSameBytesToAFileChannel() throws Exception {
        Multipart m = body();
        Path out = tmp.resolve("out.bin");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long[] last = {0};
            m.writeTo(ch, (sent, total) -> last[0] = sent);
            assertEquals(m.contentLength(), last[0]);
        }
        assertTrue(Files.size(out) > 5_000_000);
        assertArrayEquals(viaStream(m), Files.readAllBytes(out));
    }
}
