package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Netscape cookies.txt reading, writing and the persistent jar. */
class CookiesTxtTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Cookie cookie(String name, String domain, boolean hostOnly) {
        return Cookie.builder().name(name).value("v-" + name).domain(domain).hostOnly(hostOnly)
                .creationTime(NOW).build();
    }

    @Test
    void writesTheHeaderAndCurlStyleLines() throws IOException {
        Cookie dom = cookie("a", "example.com", false).newBuilder().path("/docs").secure(true)
                .expiresAt(Instant.ofEpochSecond(1900000000)).build();
        Cookie host = cookie("b", "www.example.com", true).newBuilder().httpOnly(true)
                .expiresAt(Instant.ofEpochSecond(1900000001)).build();
        Path f = dir.resolve("cookies.txt");
        CookiesTxt.save(f, List.of(dom, host), NOW, false);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals("# Netscape HTTP Cookie File", lines.get(0));
        assertTrue(lines.contains(".example.com\tTRUE\t/docs\tTRUE\t1900000000\ta\tv-a"), lines.toString());
        assertTrue(lines.contains("#HttpOnly_www.example.com\tFALSE\t/\tFALSE\t1900000001\tb\tv-b"), lines.toString());
    }

    @Test
    void savesSessionCookiesOnlyWhenAskedWithExpiryZero() throws IOException {
        Path f = dir.resolve("c.txt");
        Cookie session = cookie("s", "example.com", true);
        CookiesTxt.save(f, List.of(session), NOW, false);
        assertFalse(Files.readString(f).contains("\ts\t"));
        CookiesTxt.save(f, List.of(session), NOW, true);
        assertTrue(Files.readString(f).contains("example.com\tFALSE\t/\tFALSE\t0\ts\tv-s"));
        Cookie back = CookiesTxt.load(f, NOW).get(0);
        assertNull(back.expiresAt(), "0 reads back as a session cookie");
    }

    @Test
    void roundTripsEveryField() {
        Cookie c = cookie("x", "example.org", false).newBuilder().path("/p").secure(true).httpOnly(true)
                .expiresAt(Instant.ofEpochSecond(1800000000)).build();
        Path f = dir.resolve("rt.txt");
        CookiesTxt.save(f, List.of(c), NOW, false);
        Cookie back = CookiesTxt.load(f, NOW).get(0);
        assertEquals(List.of(c.name(), c.value(), c.domain(), c.path(), c.expiresAt()),
                List.of(back.name(), back.value(), back.domain(), back.path(), back.expiresAt()));
        assertEquals(List.of(false, true, true), List.of(back.hostOnly(), back.secure(), back.httpOnly()));
    }

    @Test
    void readsWhatCurlAndPythonWrite() throws IOException {
        Path f = dir.resolve("mixed.txt");
        Files.writeString(f, "# Netscape HTTP Cookie File\n# comment\n\n"
                + "#HttpOnly_.example.com\tTRUE\t/\tFALSE\t1900000000\tcurl\tyes\r\n"
                + "example.com\tFALSE\t/\tFALSE\t\tpython\tsession\n"
                + "example.com\tfalse\t/\tfalse\t0\tempty\t\n"
                + "example.com\tFALSE\t/\tFALSE\t0\tsixfields\n"
                + "example.com\tFALSE\t/\tFALSE\t1000\told\tgone\n");
        List<Cookie> cookies = CookiesTxt.load(f, NOW);
        assertEquals(List.of("curl=yes", "python=session", "empty=", "sixfields="),
                cookies.stream().map(Cookie::pair).toList(), "the expired cookie is dropped");
        assertTrue(cookies.get(0).httpOnly());
        assertFalse(cookies.get(0).hostOnly());
    }

    @Test
    void namesTheLineOfAMalformedEntry() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\t0\ta\t1\nexample.com FALSE / FALSE 0 b 2\n");
        CookieFileException e = assertThrows(CookieFileException.class, () -> CookiesTxt.load(f, NOW));
        assertEquals(3, e.lineNumber());
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ":3: expected 7 tab-separated fields"), e.getMessage());
    }

    @Test
    void refusesBadFlagsExpiryAndPath() throws IOException {
        assertBadLine("example.com\tYES\t/\tFALSE\t0\ta\t1", "include-subdomains must be TRUE or FALSE, found \"YES\"");
        assertBadLine("example.com\tFALSE\t/\tFALSE\tsoon\ta\t1", "expiry must be epoch seconds");
        assertBadLine("example.com\tFALSE\tdocs\tFALSE\t0\ta\t1", "path \"docs\" does not start with '/'");
        assertBadLine("example.com\tFALSE\t/\tFALSE\t0\t\t1", "empty cookie name");
    }

    private void assertBadLine(String line, String message) throws IOException {
        Path f = dir.resolve("one.txt");
        Files.writeString(f, line + "\n");
        CookieFileException e = assertThrows(CookieFileException.class, () -> CookiesTxt.load(f, NOW));
        assertTrue(e.getMessage().contains(":1: " + message), e.getMessage());
    }

    @Test
    void skipsMalformedLinesInLenientMode() throws IOException {
        Path f = dir.resolve("lenient.txt");
        Files.writeString(f, "junk line\nexample.com\tFALSE\t/\tFALSE\t0\tok\t1\n");
        assertEquals(List.of("ok=1"), CookiesTxt.load(f, NOW, false).stream().map(Cookie::pair).toList());
    }

    @Test
    void replacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("atomic.txt");
        Files.writeString(f, "old content that is not a cookie file\n");
        Cookie c = cookie("a", "example.com", true).newBuilder().expiresAt(Instant.ofEpochSecond(1900000000)).build();
        CookiesTxt.save(f, List.of(c), NOW, false);
        assertTrue(Files.readString(f).startsWith("# Netscape HTTP Cookie File"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void persistentJarLoadsAtOpenAndSavesAtClose() throws IOException {
        Path f = dir.resolve("jar.txt");
        TestClock clock = new TestClock(NOW);
        try (PersistentCookieJar jar = PersistentCookieJar.builder(f).clock(clock).build()) {
            jar.store(URI.create("https://example.com/"), List.of("keep=1; Max-Age=3600", "session=2"));
        }
        String text = Files.readString(f);
        assertTrue(text.contains("\tkeep\t1"), text);
        assertFalse(text.contains("\tsession\t"), "session cookies are not saved by default");
        try (PersistentCookieJar again = PersistentCookieJar.builder(f).clock(clock).build()) {
            assertEquals("keep=1", again.cookieHeader(URI.create("https://example.com/")).orElseThrow());
        }
        PersistentCookieJar viaFactory = CookieJar.persistent(f);
        assertEquals(f, viaFactory.file());
    }

    @Test
    void persistentJarSavesSessionCookiesWhenAsked() throws IOException {
        Path f = dir.resolve("session.txt");
        try (PersistentCookieJar jar = PersistentCookieJar.builder(f).clock(new TestClock(NOW)).saveSessionCookies(true).build()) {
            jar.store(URI.create("https://example.com/"), List.of("session=2"));
        }
        assertTrue(Files.readString(f).contains("example.com\tFALSE\t/\tFALSE\t0\tsession\t2"));
    }
}
