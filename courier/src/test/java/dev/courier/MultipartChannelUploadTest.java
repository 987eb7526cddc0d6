package dev.courier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart bodies with file parts go straight to the socket channel on plain connections (file
 * parts by transferTo). These tests pin down that the path sends the same bytes as the buffered
 * one, reports progress, and keeps the write timeout.
 */
class MultipartChannelUploadTest {

    @Test
    void channelPathSendsExactlyTheBytesOfTheBufferedEncoding(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("data.bin"), content);
        Multipart form = Multipart.form().boundary("b0undary").field("title", "Beach").file("f", file).build();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        form.writeTo(expected);

        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicLong lastProgress = new AtomicLong();
        try (FakeServer server = new FakeServer(c -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (c.readRequest(body) != null) {
                received.set(body.toByteArray());
                body.reset();
                c.ok("stored");
            }
        }); Session s = Session.builder().baseUrl(server.url("/")).build()) {
            Response r = s.request(Method.POST, "/upload")
                    .body(Body.multipart(form))
                    .onUploadProgress((sent, total) -> lastProgress.set(sent))
                    .send();
            assertEquals("stored", r.text());
            assertEquals("HTTP/1.1", r.version());
            assertArrayEquals(expected.toByteArray(), received.get());
            assertEquals(form.contentLength(), lastProgress.get());
            // The connection went back to the pool in a clean state: the next call reuses it.
            assertEquals("stored", s.post("/again", Body.multipart(form)).text());
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void serverThatStopsReadingAFileUploadGivesWriteTimeout(@TempDir Path dir) throws Exception {
        Path big = sparseFile(dir);
        assertWriteTimeout(Body.multipart(Multipart.form().field("a", "b").file("f", big).build()));
    }

    @Test
    void serverThatStopsReadingAPlainFileBodyGivesWriteTimeout(@TempDir Path dir) throws Exception {
        // Body.file goes out by sendfile too; closing the channel alone would not wake it.
        assertWriteTimeout(Body.file(sparseFile(dir)));
    }

    private static Path sparseFile(Path dir) throws Exception {
        Path big = dir.resolve("sparse.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L << 20); // sparse: no disk used
        }
        return big;
    }

    private static void assertWriteTimeout(Body upload) throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readHead();
                Thread.sleep(3000);
                return;
            }
            while (c.readRequest(null) != null) {
                c.ok("fine");
            }
        }); Session s = Session.builder().baseUrl(server.url("/")).writeTimeout(Duration.ofMillis(300)).build()) {
            long t0 = System.nanoTime();
            WriteTimeoutException e = assertThrows(WriteTimeoutException.class, () -> s.post("/upload", upload));
            assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "timed out promptly");
            assertTrue(e.getMessage().contains("write timeout of 300 ms"), e.getMessage());
            assertEquals("fine", s.get("/b").text());
        }
    }
}
