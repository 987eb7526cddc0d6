package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MockServerQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @Test
    void answersInQueueOrderAndRecordsEachRequest() throws Exception {
        try (MockServer server = MockServer.start(); Session s = Session.create()) {
            server.enqueue(MockResponse.text("first"));
            server.enqueue(MockResponse.builder().status(201).reason("Created").header("X-Id", "7").body("second").build());
            assertEquals("first", s.get(server.url("/a?x=1")).text());
            Response r = s.post(server.url("/b"), Body.text("payload"));
            assertEquals(201, r.statusCode());
            assertEquals("Created", r.reason());
            assertEquals("7", r.header("X-Id"));

            RecordedRequest a = server.takeRequest(WAIT);
            assertEquals("GET", a.method());
            assertEquals("/a?x=1", a.target());
            assertEquals("/a", a.path());
            assertEquals("HTTP/1.1", a.version());
            assertEquals(0, a.sequenceNumber());
            String head = new String(a.rawHead(), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("GET /a?x=1 HTTP/1.1\r\n") && head.endsWith("\r\n\r\n"), head);
            RecordedRequest b = server.takeRequest(WAIT);
            assertEquals("POST", b.method());
            assertEquals("payload", b.bodyText());
            assertEquals("7", b.headers().get("Content-Length"));
            assertEquals(a.connectionIndex(), b.connectionIndex(), "the client should reuse its connection");
            assertEquals(2, server.requestCount());
            assertNull(server.takeRequest(Duration.ofMillis(20)));
        }
    }

    @Test
    void anEmptyQueueAnswers500NamingTheMistake() {
        try (MockServer server = MockServer.start(); Session s = Session.create()) {
            Response r = s.get(server.url("/nothing"));
            assertEquals(500, r.statusCode());
            assertTrue(r.text().contains("no response enqueued for GET /nothing"), r.text());
        }
    }

    @Test
    void aDispatcherAnswersByRequest() throws Exception {
        try (MockServer server = MockServer.start(); Session s = Session.create()) {
            server.dispatcher(req -> req.path().equals("/health") ? MockResponse.text("ok") : MockResponse.status(404));
            assertEquals("ok", s.get(server.url("/health")).text());
            assertEquals(404, s.get(server.url("/other")).statusCode());
            server.dispatcher(req -> {
                throw new IllegalStateException("boom");
            });
            Response r = s.get(server.url("/x"));
            assertEquals(500, r.statusCode());
            assertTrue(r.text().contains("boom"));
        }
    }

    @Test
    void chunkedBodiesArriveWholeAndChunkedRequestBodiesAreRecordedDechunked() throws Exception {
        try (MockServer server = MockServer.start(); Session s = Session.create()) {
            server.enqueue(MockResponse.builder().body("abcdefghij").chunked(3).build());
            byte[] upload = "streamed body".getBytes(StandardCharsets.UTF_8);
            Response r = s.post(server.url("/up"), Body.stream(new java.io.ByteArrayInputStream(upload)));
            assertEquals("chunked", r.header("Transfer-Encoding"));
            assertEquals("abcdefghij", r.text());
            RecordedRequest rec = server.takeRequest(WAIT);
            assertEquals("chunked", rec.header("Transfer-Encoding"));
            assertArrayEquals(upload, rec.body());
        }
    }

    @Test
    void headRequestsGetNoBodyAndExpectContinueIsHonoured() throws Exception {
        try (MockServer server = MockServer.start(); Session s = Session.create()) {
            server.enqueue(MockResponse.text("ignored for HEAD"));
            server.enqueue(MockResponse.text("done"));
            Response h = s.head(server.url("/h"));
            assertEquals(200, h.statusCode());
            assertEquals(0, h.bytes().length);
            Response r = s.request(Method.PUT, server.url("/c")).body(Body.text("data")).expectContinue(true).send();
            assertEquals("done", r.text());
            server.takeRequest(WAIT);
            RecordedRequest put = server.takeRequest(WAIT);
            // Without the header the upload would arrive as well: it is what shows the server
            // answered an Expect, not an ordinary PUT.
            assertEquals("100-continue", put.header("Expect"));
            assertEquals("data", put.bodyText());
        }
    }

    @Test
    void builderRefusesBadValuesWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockResponse.builder().header("X", "a\r\nb"));
        assertTrue(e.getMessage().contains("MockResponse.raw"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MockResponse.builder().status(42));
        assertThrows(IllegalArgumentException.class, () -> MockResponse.builder().chunked(0));
        assertThrows(IllegalArgumentException.class, () -> MockResponse.builder().disconnectAfterBytes(-1));
        MockResponse base = MockResponse.text("x");
        assertEquals(503, base.newBuilder().status(503).build().status());
        assertEquals(200, base.status());
    }

    @Test
    void closeIsIdempotentAndUrlNamesTheScheme() {
        MockServer server = MockServer.start();
        assertEquals("http://127.0.0.1:" + server.port() + "/p", server.url("p"));
        server.close();
        server.close();
        assertThrows(IllegalStateException.class, server::trustPem);
    }
}
