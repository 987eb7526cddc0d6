package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --download} with a SHA-256 check, and {@code --continue} resuming with Range. */
class DownloadTest {

    private static final byte[] DATA = new byte[300_000];

    static {
        new Random(7).nextBytes(DATA);
    }

    @TempDir
    Path dir;

    private static EchoServer rangeServer() throws java.io.IOException {
        return new EchoServer(r -> {
            String range = r.header("Range");
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                int from = Integer.parseInt(range.substring(6, range.length() - 1));
                return EchoServer.response(206, "Partial Content", "application/octet-stream",
                        Arrays.copyOfRange(DATA, from, DATA.length),
                        "Content-Range: bytes " + from + "-" + (DATA.length - 1) + "/" + DATA.length);
            }
            return EchoServer.response(200, "OK", "application/octet-stream", DATA,
                    "Content-Disposition: attachment; filename=\"data.bin\"");
        });
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    @Test
    void downloadSavesTheExactBytes() throws Exception {
        try (EchoServer server = rangeServer()) {
            Path out = dir.resolve("got.bin");
            Cli.Result r = Cli.run("-I", "--download", "--output", out.toString(), server.base() + "/file");
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(sha256(DATA), sha256(Files.readAllBytes(out)));
            assertTrue(r.err().contains("Done."), r.err());
            assertTrue(r.err().contains("HTTP/1.1 200 OK"), "response headers go to stderr: " + r.err());
            assertEquals(0, r.out().length, "nothing on stdout while downloading");
        }
    }

    @Test
    void continueResumesWithRangeAndAppends() throws Exception {
        try (EchoServer server = rangeServer()) {
            Path out = dir.resolve("part.bin");
            Files.write(out, Arrays.copyOf(DATA, 123_456));
            Cli.Result r = Cli.run("-I", "-d", "-c", "-o", out.toString(), server.base() + "/file");
            assertEquals(0, r.status(), r.err());
            assertEquals("bytes=123456-", server.received.get(0).header("Range"));
            assertArrayEquals(sha256(DATA), sha256(Files.readAllBytes(out)));
        }
    }

    @Test
    void continueWithoutOutputIsRefused() {
        Cli.Result r = Cli.run("-I", "-d", "-c", "127.0.0.1:9/file");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--continue only works with --download and --output FILE"), r.err());
    }

    @Test
    void progressLineShowsPercentSizeSpeedAndEta() {
        assertEquals(" 50% [##########          ] 150 B / 300 B 150 B/s ETA 1s",
                Downloader.progressLine(150, 300, 1_000_000_000L));
        assertEquals("292.97 kB", Downloader.human(300_000));
    }
}
