package dev.courier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import dev.courier.http.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against Python's http.server: a peer nobody here wrote. */
class PythonPeerTest {

    static PeerProcess peer;
    static Session session;

    @BeforeAll
    static void start() throws Exception {
        peer = PeerProcess.start("python3", "peer_server.py");
        session = Session.builder().baseUrl(peer.url("/")).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> echo(Response r) {
        return (Map<String, Object>) r.json();
    }

    @SuppressWarnings("unchecked")
    static String header(Map<String, Object> echo, String name) {
        for (Object o : (List<Object>) echo.get("headers")) {
            List<String> kv = (List<String>) o;
            if (kv.get(0).equalsIgnoreCase(name)) {
                return kv.get(1);
            }
        }
        return null;
    }

    @Test
    void getSendsUserAgentAcceptEncodingAndHostAndMergesQueryParams() {
        Response r = session.request(Method.GET, "/echo?a=1&b=x%20y").param("c", "d e").param("a", "2").send();
        Map<String, Object> e = echo(r);
        assertEquals(Status.OK, r.status());
        assertEquals("a=1&b=x%20y&c=d+e&a=2", e.get("rawQuery"));
        assertEquals("courier/" + Courier.VERSION, header(e, "User-Agent"));
        assertEquals("gzip, deflate", header(e, "Accept-Encoding"));
        assertEquals("127.0.0.1:" + peer.port, header(e, "Host"));
        assertEquals("application/json", r.header("Content-Type"));
    }

    @Test
    void postJsonSetsContentTypeAndLength() {
        Map<String, Object> e = echo(session.post("/echo", Body.json(Map.of("name", "Ada"))));
        assertEquals("POST", e.get("method"));
        assertEquals("{\"name\":\"Ada\"}", e.get("body"));
        assertEquals("application/json", header(e, "Content-Type"));
        assertEquals("14", header(e, "Content-Length"));
    }

    @Test
    void formKeepsRepeatedKeysInOrderAndUserContentTypeWins() {
        Map<String, Object> e = echo(session.post("/echo", Body.form("tag", "a b", "x", "1", "tag", "ç")));
        assertEquals("tag=a+b&x=1&tag=%C3%A7", e.get("body"));
        assertEquals("application/x-www-form-urlencoded", header(e, "Content-Type"));
        Map<String, Object> own = echo(session.request(Method.POST, "/echo").header("Content-Type", "text/x-mine")
                .body(Body.json(List.of(1))).send());
        assertEquals("text/x-mine", header(own, "Content-Type"));
    }

    @Test
    void streamOfUnknownLengthIsSentChunked() {
        byte[] data = "streamed body".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> e = echo(session.put("/echo", Body.stream(new ByteArrayInputStream(data))));
        assertEquals("chunked", header(e, "Transfer-Encoding"));
        assertNull(header(e, "Content-Length"));
        assertEquals("streamed body", e.get("body"));
    }

    @Test
    void fileBodyIsSentWithItsLength(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("data.bin");
        Files.writeString(f, "file content here");
        Map<String, Object> e = echo(session.post("/echo", Body.file(f)));
        assertEquals("17", header(e, "Content-Length"));
        assertEquals("file content here", e.get("body"));
    }

    @Test
    void postWithoutBodySendsContentLengthZero() {
        Map<String, Object> e = echo(session.post("/echo", null));
        assertEquals("0", header(e, "Content-Length"));
    }

    @Test
    void redirectChainIsFollowedWithHistory() {
        Response r = session.get("/redirect/3");
        assertEquals(200, r.statusCode());
        assertEquals(3, r.history().size());
        assertEquals(302, r.history().get(0).statusCode());
        assertEquals(peer.url("/echo"), r.url());
    }

    @Test
    void tooManyRedirectsCarriesHistory() {
        try (Session s = Session.builder().baseUrl(peer.url("/")).maxRedirects(2).build()) {
            TooManyRedirectsException e = assertThrows(TooManyRedirectsException.class, () -> s.get("/redirect/5"));
            assertEquals(3, e.history().size());
            assertTrue(e.getMessage().contains("exceeded 2 redirects"), e.getMessage());
        }
    }

    @Test
    void redirect302TurnsPostIntoGetWithoutBody() {
        Map<String, Object> e = echo(session.post("/redirect-to?status=302&url=/echo", Body.text("payload")));
        assertEquals("GET", e.get("method"));
        assertEquals("", e.get("body"));
        assertNull(header(e, "Content-Type"));
    }

    @Test
    void redirect303TurnsPutIntoGet() {
        assertEquals("GET", echo(session.put("/redirect-to?status=303&url=/echo", Body.text("x"))).get("method"));
    }

    @Test
    void redirect307And308KeepMethodAndReplayBody() {
        for (String status : List.of("307", "308")) {
            Map<String, Object> e = echo(session.post("/redirect-to?status=" + status + "&url=/echo",
                    Body.text("again")));
            assertEquals("POST", e.get("method"));
            assertEquals("again", e.get("body"));
        }
    }

    @Test
    void redirect307WithOneShotStreamFailsClearly() {
        CourierException e = assertThrows(CourierException.class, () -> session.post(
                "/redirect-to?status=307&url=/echo", Body.stream(new ByteArrayInputStream(new byte[10]), 10)));
        assertTrue(e.getMessage().contains("one-shot stream"), e.getMessage());
        assertEquals(307, e.response().orElseThrow().statusCode());
    }

    @Test
    void cookiesFromARedirectHopAreStoredAndSent() {
        Map<String, Object> e = echo(session.get("/cookies/set?flavour=oat&size=2"));
        assertEquals("flavour=oat; size=2", header(e, "Cookie"));
        assertTrue(session.cookies().cookieHeader(java.net.URI.create(peer.url("/x"))).isPresent());
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherOrigin() {
        String other = "http://localhost:" + peer.port + "/echo";
        Response r = session.request(Method.GET, "/redirect-to?url=" + other).auth(Auth.bearer("secret")).send();
        assertEquals("http://localhost:" + peer.port + "/echo", r.url());
        assertNull(header(echo(r), "Authorization"));
        Response same = session.request(Method.GET, "/redirect-to?url=/echo").auth(Auth.bearer("secret")).send();
        assertEquals("Bearer secret", header(echo(same), "Authorization"));
    }

    @Test
    void basicAuthFromUrlUserInfoIsUtf8() {
        Response r = session.get("http://ad%C3%A9:p%40ss@127.0.0.1:" + peer.port + "/echo");
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("adé:p@ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, header(echo(r), "Authorization"));
        assertFalse(r.url().contains("@"));
    }

    @Test
    void gzipAndDeflateAreDecodedAndRawBytesAreAvailable() {
        assertEquals("hello gzip ".repeat(100), session.get("/gzip").text());
        assertEquals("hello deflate ".repeat(100), session.get("/deflate").text());
        byte[] raw = session.request(Method.GET, "/gzip").decompress(false).send().bytes();
        assertEquals(0x1f, raw[0] & 0xff);
        assertEquals(0x8b, raw[1] & 0xff);
    }

    @Test
    void chunkedResponseIsReadAsLinesInItsCharset() {
        try (Response r = session.request(Method.GET, "/chunked").stream(true).send();
                java.util.stream.Stream<String> lines = r.lines()) {
            assertEquals(List.of("line one", "line two €", "line three"), lines.collect(Collectors.toList()));
        }
    }

    @Test
    void headResponseHasNoBodyDespiteContentLength() {
        Response r = session.head("/echo");
        assertEquals(200, r.statusCode());
        assertArrayEquals(new byte[0], r.bytes());
        assertEquals(200, session.get("/echo").statusCode());
    }

    @Test
    void raiseForStatusThrowsWithTheResponse() {
        Response r = session.get("/status/404");
        assertFalse(r.ok());
        HttpStatusException e = assertThrows(HttpStatusException.class, r::raiseForStatus);
        assertEquals("status body", e.errorResponse().text());
        assertTrue(e.getMessage().startsWith("404 Client Error"), e.getMessage());
    }

    @Test
    void linksAreParsedAndResolved() {
        Response r = session.get("/links");
        assertEquals(peer.url("/page/2"), r.link("next").orElseThrow().url());
        assertEquals(2, r.links().size());
    }

    @Test
    void readTimeoutAgainstAStallingServerThenTheSessionStillWorks() {
        try (Session s = Session.builder().baseUrl(peer.url("/")).readTimeout(Duration.ofMillis(300)).build()) {
            long t0 = System.nanoTime();
            assertThrows(ReadTimeoutException.class, () -> s.get("/stall?seconds=2"));
            assertTrue(System.nanoTime() - t0 < 1_900_000_000L);
            assertEquals(200, s.get("/echo").statusCode());
        }
    }

    @Test
    void deadlineBoundsTheWholeCallEvenWhenBytesKeepComing() {
        try (Session s = Session.builder().baseUrl(peer.url("/")).readTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofMillis(500)).build()) {
            DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
                    () -> s.get("/drip?n=30&every=0.1"));
            assertTrue(e.getMessage().contains("500 ms"), e.getMessage());
        }
    }

    @Test
    void sendAsyncCompletesWithTheResponse() throws Exception {
        Response r = session.sendAsync(Request.builder(Method.GET, "/echo").build()).get();
        assertEquals(200, r.statusCode());
    }

    @Test
    void keepAliveReusesOneConnection() {
        try (Session s = Session.builder().baseUrl(peer.url("/")).build()) {
            s.get("/echo");
            s.get("/echo");
            assertEquals(1, s.idleConnections());
        }
    }

    @Test
    void oneLinersUseTheSharedSession() {
        assertEquals("GET", echo(Courier.get(peer.url("/echo"))).get("method"));
        assertEquals("DELETE", echo(Courier.delete(peer.url("/echo"))).get("method"));
        assertEquals("patched", echo(Courier.patch(peer.url("/echo"), Body.text("patched"))).get("body"));
        assertEquals(200, Courier.options(peer.url("/echo")).statusCode());
    }

    @Test
    void multipartBodyIsSentWithItsBoundaryAndExactLength() {
        dev.courier.multipart.Multipart m = dev.courier.multipart.Multipart.form().field("title", "Holiday")
                .file("photo", "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain").build();
        Map<String, Object> e = echo(session.post("/echo", Body.multipart(m)));
        assertEquals(m.contentType(), header(e, "Content-Type"));
        assertEquals(Long.toString(m.contentLength()), header(e, "Content-Length"));
        assertTrue(((String) e.get("body")).contains("Holiday"));
    }

    @Test
    void expectContinueWorksWithPythonsInterimResponse() {
        Map<String, Object> e = echo(session.request(Method.POST, "/echo").expectContinue(true)
                .body(Body.text("after continue")).send());
        assertEquals("100-continue", header(e, "Expect"));
        assertEquals("after continue", e.get("body"));
    }
}
