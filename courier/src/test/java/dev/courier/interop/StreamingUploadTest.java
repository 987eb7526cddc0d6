package dev.courier.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that Courier's client streams a multipart upload: a child JVM with a 64 MiB heap sends a
 * 1 GiB file through {@code Body.multipart} over a real loopback socket to a raw sink that counts
 * and CRCs the body, and its heap grows by less than 16 MiB.
 */
class StreamingUploadTest {

    static final long SIZE = 1L << 30;
    /** Eight marker bytes every 64 MiB (the rest is a hole), so a lost, repeated or shifted block changes the CRC. */
    static final long MARKER_STRIDE = 64L << 20;
    static final String B = StreamingUploadProbe.BOUNDARY;
    /** The body before and after the file's bytes, written here independently of the encoder. */
    static final String HEAD = "--" + B + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbig\r\n"
            + "--" + B + "\r\nContent-Disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";
    static final String TAIL = "\r\n--" + B + "--\r\n";

    @TempDir
    Path dir;

    @Test
    void clientStreamsA1GibUploadFromA64MibHeap() throws Exception {
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE); // sparse: no disk blocks but the markers
            for (long at = 0, k = 1; at < SIZE; at += MARKER_STRIDE + 1, k++) {
                f.seek(at);
                f.writeLong(0x0101010101010101L * k);
            }
        }
        AtomicReference<String> request = new AtomicReference<>();
        try (RawHttpServer sink = new RawHttpServer(ex -> {
            CRC32 crc = new CRC32();
            long n = 0;
            byte[] buf = new byte[256 * 1024];
            try (InputStream in = ex.body()) {
                for (int r; (r = in.read(buf)) >= 0; n += r) {
                    crc.update(buf, 0, r);
                }
            }
            request.set("contentType=" + ex.header("Content-Type") + " contentLength=" + ex.header("Content-Length")
                    + " transferEncoding=" + ex.header("Transfer-Encoding"));
            return RawHttpServer.Reply.text("count=" + n + " crc=" + crc.getValue());
        })) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path out = dir.resolve("probe.out");
            Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    StreamingUploadProbe.class.getName(), sink.url("127.0.0.1", "/sink"), big.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long expectedCrc = expectedCrc(big); // computed while the child uploads
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).trim();
            assertTrue(done, "probe did not finish in 60 s: " + text);
            assertEquals(0, p.exitValue(), "probe failed: " + text);
            assertEquals(List.of(), sink.failures());

            Map<String, String> r = facts(text.substring(text.lastIndexOf('\n') + 1));
            long expected = SIZE + HEAD.length() + TAIL.length();
            assertEquals("200", r.get("status"), text);
            assertEquals("contentType=multipart/form-data; boundary=" + B + " contentLength=" + expected
                    + " transferEncoding=null", request.get(), "exact length, no chunking");
            assertEquals(Long.toString(expected), r.get("announced"), text);
            assertEquals(Long.toString(expected), r.get("count"), "bytes the sink received: " + text);
            assertEquals(Long.toString(expectedCrc), r.get("crc"), "CRC of what the sink received: " + text);
            assertEquals(Long.toString(expected), r.get("lastSent"), "progress reached the total: " + text);
            assertTrue(Long.parseLong(r.get("maxHeap")) <= 64L << 20, text);
            assertTrue(Long.parseLong(r.get("heapGrowth")) < 16L << 20, "heap growth under 16 MiB: " + text);
            System.out.println("StreamingUploadTest: " + text);
        }
    }

    /** Returns the CRC-32 of HEAD + the file's bytes + TAIL, reading the file here. */
    private static long expectedCrc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(HEAD.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        crc.update(TAIL.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static Map<String, String> facts(String line) {
        Map<String, String> m = new HashMap<>();
        for (String kv : line.split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }
}
