package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StuckFileReplyTest {

    @Test
    void aClientThatStopsReadingAFileReplyIsDroppedAfterTheIoTimeout(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            f.setLength(256L << 20); // sparse; far more than the socket buffers hold
        }
        ServerLimits limits = ServerLimits.builder().ioTimeout(Duration.ofMillis(300)).build();
        try (HttpServer server = HttpServer.builder().limits(limits).staticFiles("/", root).start();
                Socket client = new Socket("127.0.0.1", server.port())) {
            client.setReceiveBufferSize(4096);
            OutputStream out = client.getOutputStream();
            out.write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Never read: the server's transferTo blocks once the buffers are full.
            long waitedMillis = TestServers.awaitOneConnectionDropped(server);
            assertTrue(waitedMillis >= 300, "dropped after " + waitedMillis + " ms, before the 300 ms I/O timeout");
        }
    }
}
