package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    private static final Instant MTIME = Instant.parse("2026-01-10T12:00:00Z");

    @TempDir
    Path tmp;
    Path root;
    Path secret;
    StaticFiles files;

    @BeforeEach
    void createTree() throws IOException {
        root = Files.createDirectories(tmp.resolve("www"));
        secret = Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(root.resolve("hello.txt"), "hello world");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(root.resolve("empty"));
        Files.write(root.resolve("data.bin"), new byte[10_000]);
        for (Path p : new Path[] {root.resolve("hello.txt"), root.resolve("data.bin"), root.resolve("docs/index.html")}) {
            Files.setLastModifiedTime(p, FileTime.from(MTIME));
        }
        files = StaticFiles.of(root);
    }

    private Reply get(String path, String... headers) {
        return files.serve(Method.GET, path, Headers.of(headers));
    }

    private static ReplyBody.FileRegion region(Reply r) {
        assertTrue(r.body() instanceof ReplyBody.FileRegion, () -> "expected a file body, got " + r.body());
        return (ReplyBody.FileRegion) r.body();
    }

    private void assertRefused(Reply r) {
        assertTrue(r.status() == 400 || r.status() == 404, "status " + r.status());
        assertFalse(r.body() instanceof ReplyBody.FileRegion, "no file may be served: " + r.body());
    }

    @Test
    void servesAFileWithTypeValidatorsAndFileBody() throws IOException {
        Reply r = get("/hello.txt");
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("Sat, 10 Jan 2026 12:00:00 GMT", r.header("Last-Modified"));
        assertEquals("\"b-" + Long.toHexString(MTIME.toEpochMilli()) + "\"", r.header("ETag"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        ReplyBody.FileRegion f = region(r);
        assertEquals(root.toRealPath().resolve("hello.txt"), f.path());
        assertEquals(0, f.offset());
        assertEquals(11, f.length());
    }

    @Test
    void headGetsTheSameReplyAsGet() {
        Reply head = files.serve(Method.HEAD, "/hello.txt", Headers.empty());
        assertEquals(200, head.status());
        assertEquals(get("/hello.txt").headers(), head.headers());
        assertEquals(11, head.body().length());
    }

    @Test
    void otherMethodsGet405() {
        Reply r = files.serve(Method.POST, "/hello.txt", Headers.empty());
        assertEquals(405, r.status());
        assertEquals("GET, HEAD", r.header("Allow"));
    }

    @Test
    void missingFileIs404() {
        assertEquals(404, get("/nope.txt").status());
        assertEquals(404, get("/nope/deeper.txt").status());
        assertEquals(404, get("/hello.txt/x").status());
    }

    @Test
    void decodesPercentEncodedNames() throws IOException {
        Files.writeString(root.resolve("a b.txt"), "spaced");
        assertEquals(6, region(get("/a%20b.txt")).length());
    }

    @Test
    void rejectsDotDotSegments() {
        assertRefused(get("/../secret.txt"));
        assertRefused(get("/docs/../../secret.txt"));
        assertEquals(400, get("/docs/../hello.txt").status());
        assertEquals(400, get("/./hello.txt").status());
    }

    @Test
    void rejectsEncodedDotDotInAnyCase() {
        for (String p : new String[] {"/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/.%2e/secret.txt", "/%2E./secret.txt"}) {
            Reply r = get(p);
            assertEquals(400, r.status(), p);
            assertRefused(r);
        }
    }

    @Test
    void rejectsEncodedSlashThatWouldHideADotDot() {
        assertEquals(400, get("/docs%2F..%2F..%2Fsecret.txt").status());
        assertEquals(400, get("/..%2Fsecret.txt").status());
    }

    @Test
    void rejectsNul() {
        assertEquals(400, get("/hello.txt%00.html").status());
        assertEquals(400, get("/hello.txt%00").status());
    }

    @Test
    void rejectsBackslashRawOrEncoded() {
        assertEquals(400, get("/..\\secret.txt").status());
        assertEquals(400, get("/..%5Csecret.txt").status());
        assertEquals(400, get("/docs%5cindex.html").status());
    }

    @Test
    void rejectsAbsolutePaths() {
        String abs = secret.toAbsolutePath().toString();
        assertRefused(get("/" + abs.replace("/", "%2F")));
        assertEquals(400, get("//etc/passwd").status());
        assertEquals(400, get("/%2Fetc%2Fpasswd").status());
        assertEquals(400, get("etc/passwd").status());
    }

    @Test
    void rejectsSymlinkLeadingOutOfTheRoot() throws IOException {
        Path link = root.resolve("leak.txt");
        Path dirLink = root.resolve("up");
        try {
            Files.createSymbolicLink(link, secret);
            Files.createSymbolicLink(dirLink, tmp);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be created here: " + e);
        }
        assertEquals(404, get("/leak.txt").status());
        assertRefused(get("/up/secret.txt"));
        assertEquals(404, get("/up/").status());
    }

    @Test
    void followsSymlinkThatStaysInsideTheRoot() throws IOException {
        Path link = root.resolve("alias.txt");
        try {
            Files.createSymbolicLink(link, root.resolve("hello.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be created here: " + e);
        }
        Reply r = get("/alias.txt");
        assertEquals(200, r.status());
        assertEquals(11, region(r).length());
    }

    @Test
    void followsADirectorySymlinkInsideTheRootToTheRealFile() throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("manual"), root.resolve("docs"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be created here: " + e);
        }
        Reply r = get("/manual/index.html");
        assertEquals(200, r.status());
        assertEquals(root.toRealPath().resolve("docs/index.html"), region(r).path());
        assertEquals(200, get("/manual/").status());
    }

    @Test
    void answers404ForAPathBelowAPlainFile() {
        assertEquals(404, get("/hello.txt/more").status());
        assertEquals(404, get("/docs/index.html/x/y").status());
        assertEquals(404, get("/missing/hello.txt").status());
    }

    @Test
    void rejectsIndexFileThatIsASymlinkOut() throws IOException {
        Path dir = Files.createDirectories(root.resolve("trap"));
        try {
            Files.createSymbolicLink(dir.resolve("index.html"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be created here: " + e);
        }
        assertRefused(get("/trap/"));
    }

    @Test
    void servesIndexHtmlForADirectory() {
        Reply r = get("/docs/");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertTrue(region(r).path().endsWith("index.html"));
    }

    @Test
    void redirectsADirectoryWithoutTrailingSlashRelatively() {
        Reply r = get("/docs");
        assertEquals(301, r.status());
        assertEquals("docs/", r.header("Location"));
    }

    @Test
    void redirectKeepsTheSegmentEncodedAsReceived() throws IOException {
        Files.createDirectories(root.resolve("my dir"));
        Reply r = get("/my%20dir");
        assertEquals(301, r.status());
        assertEquals("my%20dir/", r.header("Location"));
    }

    @Test
    void directoryWithoutIndexIs404UnlessListingIsOn() {
        assertEquals(404, get("/empty/").status());
        StaticFiles listing = StaticFiles.builder(root).directoryListing(true).build();
        Reply r = listing.serve(Method.GET, "/empty/", Headers.empty());
        assertEquals(200, r.status());
        assertTrue(Replies.text(r).contains("Index of /empty/"), Replies.text(r));
    }

    @Test
    void listingEscapesHostileFileNames() throws IOException {
        String name = "<img src=x onerror=alert(1)>";
        Files.writeString(root.resolve("empty").resolve(name), "x");
        String script = "<script>alert(1)<";
        Files.writeString(root.resolve("empty").resolve(script), "x");
        StaticFiles listing = StaticFiles.builder(root).directoryListing(true).indexFile(null).build();
        String html = Replies.text(listing.serve(Method.GET, "/empty/", Headers.empty()));
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("href=\"./%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\""), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;"), html);
    }

    @Test
    void listingShowsDirectoriesFirstAndAParentLink() {
        StaticFiles listing = StaticFiles.builder(root).directoryListing(true).indexFile(null).build();
        String html = Replies.text(listing.serve(Method.GET, "/", Headers.empty()));
        assertFalse(html.contains("href=\"../\""), "no parent link at the root");
        assertTrue(html.indexOf("docs/") < html.indexOf("hello.txt"), html);
        String sub = Replies.text(listing.serve(Method.GET, "/docs/", Headers.empty()));
        assertTrue(sub.contains("href=\"../\""), sub);
        assertTrue(sub.contains("index.html"), sub);
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutBody() {
        String etag = get("/hello.txt").header("ETag");
        Reply r = get("/hello.txt", "If-None-Match", etag);
        assertEquals(304, r.status());
        assertEquals(etag, r.header("ETag"));
        assertSame0(r);
        assertEquals(304, get("/hello.txt", "If-None-Match", "W/" + etag).status());
        assertEquals(304, get("/hello.txt", "If-None-Match", "*").status());
        assertEquals(200, get("/hello.txt", "If-None-Match", "\"other\"").status());
    }

    private static void assertSame0(Reply r) {
        assertEquals(0, r.body().length());
        assertNull(r.header("Content-Type"));
    }

    @Test
    void ifModifiedSinceIs304WhenUnchanged() {
        assertEquals(304, get("/hello.txt", "If-Modified-Since", "Sat, 10 Jan 2026 12:00:00 GMT").status());
        assertEquals(200, get("/hello.txt", "If-Modified-Since", "Sat, 10 Jan 2026 11:00:00 GMT").status());
    }

    @Test
    void ifMatchFailureIs412() {
        assertEquals(412, get("/hello.txt", "If-Match", "\"other\"").status());
    }

    @Test
    void changedFileGetsANewETag() throws IOException {
        String before = get("/hello.txt").header("ETag");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(MTIME.plusSeconds(5)));
        assertEquals(200, get("/hello.txt", "If-None-Match", before).status());
    }

    @Test
    void singleRangeIs206WithContentRangeAndRegion() {
        Reply r = get("/data.bin", "Range", "bytes=0-99");
        assertEquals(206, r.status());
        assertEquals("bytes 0-99/10000", r.header("Content-Range"));
        assertEquals(0, region(r).offset());
        assertEquals(100, region(r).length());
        Reply suffix = get("/data.bin", "Range", "bytes=-500");
        assertEquals("bytes 9500-9999/10000", suffix.header("Content-Range"));
        assertEquals(9500, region(suffix).offset());
        Reply open = get("/data.bin", "Range", "bytes=9500-");
        assertEquals("bytes 9500-9999/10000", open.header("Content-Range"));
        assertEquals(500, region(open).length());
    }

    @Test
    void unsatisfiableRangeIs416WithStarContentRange() {
        Reply r = get("/data.bin", "Range", "bytes=10000-");
        assertEquals(416, r.status());
        assertEquals("bytes */10000", r.header("Content-Range"));
        assertEquals(0, r.body().length());
    }

    @Test
    void severalRangesAre206MultipartByterangesWithExactLengthAndBytes() throws IOException {
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7 + (i >> 8));
        }
        Files.write(root.resolve("pattern.bin"), content);
        Reply r = get("/pattern.bin", "Range", "bytes=9000-9099,0-99");
        assertEquals(206, r.status());
        String type = r.header("Content-Type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals(32, boundary.length(), boundary);
        assertNull(r.header("Content-Range"), "the ranges are in the parts");
        ReplyBody.Stream body = (ReplyBody.Stream) r.body();
        byte[] got;
        try (java.io.InputStream in = body.stream()) {
            got = in.readAllBytes();
        }
        assertEquals(body.length(), got.length, "the announced length is the length sent");
        java.io.ByteArrayOutputStream want = new java.io.ByteArrayOutputStream();
        String type0 = "Content-Type: application/octet-stream\r\n";
        // Ascending order: the parts come sorted, as RFC 9110 §14.2 allows.
        want.writeBytes(("--" + boundary + "\r\n" + type0 + "Content-Range: bytes 0-99/10000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        want.write(content, 0, 100);
        want.writeBytes(("\r\n--" + boundary + "\r\n" + type0 + "Content-Range: bytes 9000-9099/10000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        want.write(content, 9000, 100);
        want.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals(want.toByteArray(), got);
    }

    @Test
    void rangesThatOverlapOrNearlyTouchBecomeOnePlainRange() {
        Reply r = get("/data.bin", "Range", "bytes=0-1,5-6");
        assertEquals(206, r.status());
        assertEquals("bytes 0-6/10000", r.header("Content-Range"));
        assertEquals(7, region(r).length());
    }

    @Test
    void tooManyRangesGetTheWholeFile() {
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < ByteRanges.MAX_PARTS + 1; i++) {
            many.append(i == 0 ? "" : ",").append(i * 500).append('-').append(i * 500 + 9);
        }
        Reply r = get("/data.bin", "Range", many.toString());
        assertEquals(200, r.status());
        assertEquals(10_000, region(r).length());
        assertNull(r.header("Content-Range"));
    }

    @Test
    void ifRangeDecidesBetweenRangeAndWholeFile() {
        String etag = get("/data.bin").header("ETag");
        assertEquals(206, get("/data.bin", "Range", "bytes=0-9", "If-Range", etag).status());
        assertEquals(206, get("/data.bin", "Range", "bytes=0-9", "If-Range", "Sat, 10 Jan 2026 12:00:00 GMT").status());
        assertEquals(200, get("/data.bin", "Range", "bytes=0-9", "If-Range", "\"stale\"").status());
        assertEquals(200, get("/data.bin", "Range", "bytes=0-9", "If-Range", "W/" + etag).status());
    }

    @Test
    void headIgnoresRange() {
        Reply r = files.serve(Method.HEAD, "/data.bin", Headers.of("Range", "bytes=0-9"));
        assertEquals(200, r.status());
        assertEquals(10_000, r.body().length());
    }

    @Test
    void conditionalGetIsEvaluatedBeforeRange() {
        String etag = get("/data.bin").header("ETag");
        assertEquals(304, get("/data.bin", "Range", "bytes=0-9", "If-None-Match", etag).status());
    }

    @Test
    void customContentTypesOverrideTheTable() {
        StaticFiles custom = StaticFiles.builder(root).contentType(".txt", "text/x-custom").build();
        assertEquals("text/x-custom", custom.serve(Method.GET, "/hello.txt", Headers.empty()).header("Content-Type"));
        assertEquals("application/octet-stream", get("/data.bin").header("Content-Type"));
    }

    @Test
    void builderRefusesMissingRootAndBadIndexName() {
        assertThrows(IllegalArgumentException.class, () -> StaticFiles.of(tmp.resolve("missing")));
        assertThrows(IllegalArgumentException.class, () -> StaticFiles.of(secret));
        assertThrows(IllegalArgumentException.class, () -> StaticFiles.builder(root).indexFile("../x"));
    }

    @Test
    void routerMountServesFilesUnderAPrefix() throws IOException {
        Router r = new Router().staticFiles("/assets", files).get("/assets/special", req -> Reply.text("route"));
        Reply ok = r.handle(TestRequest.get("/assets/hello.txt"));
        assertEquals(200, ok.status());
        assertEquals(11, region(ok).length());
        assertEquals("route", Replies.text(r.handle(TestRequest.get("/assets/special"))));
        Reply redirect = r.handle(TestRequest.get("/assets"));
        assertEquals(301, redirect.status());
        assertEquals("assets/", redirect.header("Location"));
        assertEquals(400, r.handle(TestRequest.get("/assets/%2e%2e/secret.txt")).status());
        assertEquals(405, r.handle(TestRequest.of(Method.POST, "/assets/hello.txt")).status());
        assertNotNull(r.handle(TestRequest.of(Method.HEAD, "/%61ssets/docs/")).header("ETag"),
                "the prefix is removed by segment count, however it was encoded");
        Files.writeString(root.resolve("x y.txt"), "z");
        assertEquals(1, region(r.handle(TestRequest.get("/assets/x%20y.txt"))).length());
    }

    @Test
    void routerMountWorksInGroupsAndAtTheRoot() {
        Router grouped = new Router().group("/v1", g -> g.staticFiles("/static", files));
        assertEquals(200, grouped.handle(TestRequest.get("/v1/static/hello.txt")).status());
        Router atRoot = new Router().staticFiles("/", files);
        assertEquals(200, atRoot.handle(TestRequest.get("/hello.txt")).status());
        assertEquals(200, atRoot.handle(TestRequest.get("/docs/")).status());
    }
}
