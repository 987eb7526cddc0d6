package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's in-memory copies of small static files: used only while the file is unchanged, and bounded. */
class FileContentCacheTest {

    private static final FileTime MTIME = FileTime.from(Instant.parse("2026-01-10T12:00:00Z"));

    @TempDir
    Path dir;

    private static BasicFileAttributes attrs(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class);
    }

    private static String text(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    @Test
    void keepsAFileUntilItsSizeOrTimeChanges() throws IOException {
        FileContentCache cache = new FileContentCache(1024, 1 << 20);
        Path f = Files.writeString(dir.resolve("a.txt"), "first");
        Files.setLastModifiedTime(f, MTIME);
        assertEquals("first", text(cache.content(f, attrs(f))));

        // Same size, same time, same inode: the kept copy is what is served (that is the point).
        Files.writeString(f, "FIRST");
        Files.setLastModifiedTime(f, MTIME);
        assertEquals("first", text(cache.content(f, attrs(f))));

        Files.setLastModifiedTime(f, FileTime.from(MTIME.toInstant().plusSeconds(1)));
        assertEquals("FIRST", text(cache.content(f, attrs(f))), "a new modification time is a new file");

        Files.writeString(f, "second, longer");
        assertEquals("second, longer", text(cache.content(f, attrs(f))), "a new size is a new file");
        assertEquals(14, cache.totalBytes());
    }

    @Test
    void eachCallerGetsItsOwnReadOnlyView() throws IOException {
        FileContentCache cache = new FileContentCache(1024, 1 << 20);
        Path f = Files.writeString(dir.resolve("v.txt"), "view");
        ByteBuffer one = cache.content(f, attrs(f));
        one.position(2);
        assertTrue(one.isReadOnly());
        assertEquals("view", text(cache.content(f, attrs(f))));
    }

    @Test
    void leavesLargeFilesToSendfileAndStaysWithinItsBudget() throws IOException {
        FileContentCache cache = new FileContentCache(100, 250);
        Path big = Files.write(dir.resolve("big.bin"), new byte[101]);
        assertNull(cache.content(big, attrs(big)));
        assertEquals(0, cache.totalBytes());
        for (int i = 0; i < 10; i++) {
            Path p = Files.write(dir.resolve("f" + i), new byte[100]);
            assertNotNull(cache.content(p, attrs(p)));
            assertTrue(cache.totalBytes() <= 250, "total " + cache.totalBytes() + " after file " + i);
        }
    }

    @Test
    void aFileThatShrankSinceItsSizeWasReadIsNotKept() throws IOException {
        FileContentCache cache = new FileContentCache(1024, 1 << 20);
        Path f = Files.writeString(dir.resolve("s.txt"), "0123456789");
        BasicFileAttributes before = attrs(f);
        Files.writeString(f, "0123");
        assertNull(cache.content(f, before));
        assertEquals(0, cache.totalBytes());
    }

    @Test
    void theServerSendsKeptFilesWholeAndByRangeAndSeesEdits() throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Path f = Files.writeString(root.resolve("page.html"), "<p>version one</p>");
        Files.setLastModifiedTime(f, MTIME);
        Files.write(root.resolve("empty.txt"), new byte[0]);
        try (HttpServer server = TestServers.start(new Router().staticFiles("/", StaticFiles.of(root)));
             Session s = Session.builder().baseUrl(server.url()).build()) {
            for (int i = 0; i < 3; i++) {
                Response r = s.get("/page.html");
                assertEquals(200, r.statusCode());
                assertEquals("<p>version one</p>", r.text());
                assertEquals("18", r.header("Content-Length"));
            }
            Response range = s.request(Method.GET, "/page.html").header("Range", "bytes=3-9").send();
            assertEquals(206, range.statusCode());
            assertEquals("version", range.text());
            assertEquals("", s.get("/empty.txt").text());

            Files.writeString(f, "<p>version two, edited</p>");
            assertEquals("<p>version two, edited</p>", s.get("/page.html").text());
            Response head = s.request(Method.HEAD, "/page.html").send();
            assertEquals("26", head.header("Content-Length"));
            assertArrayEquals(new byte[0], head.bytes());
            assertEquals("<p>version two, edited</p>", s.get("/page.html").text(), "the keep-alive stream stayed in step");
        }
    }
}
