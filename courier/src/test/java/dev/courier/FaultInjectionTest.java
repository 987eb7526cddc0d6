package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Broken peers: each failure gets its own exception, and one more call afterwards proves the
 * session and its pool survived (STYLE rule 14).
 */
class FaultInjectionTest {

    private static Session session(FakeServer server) {
        return Session.builder().baseUrl(server.url("/")).readTimeout(Duration.ofMillis(500)).build();
    }

    /** Serves every request on the connection with "fine". */
    private static void serveAll(FakeServer.Conn c) throws Exception {
        while (c.readRequest(null) != null) {
            c.ok("fine");
        }
    }

    @Test
    void disconnectMidBodyFailsThenTheNextCallWorks() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                c.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort");
                return;
            }
            serveAll(c);
        }); Session s = session(server)) {
            ConnectionFailedException e = assertThrows(ConnectionFailedException.class, () -> s.get("/a"));
            assertTrue(e.getMessage().contains("before the body was complete"), e.getMessage());
            assertEquals(200, e.response().map(Response::statusCode).orElse(0));
            assertEquals("fine", s.get("/b").text());
        }
    }

    @Test
    void ambiguousBodyLengthIsAProtocolErrorThenTheNextCallWorks() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                c.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
                return;
            }
            serveAll(c);
        }); Session s = session(server)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> s.get("/a"));
            assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
            assertEquals("fine", s.get("/b").text());
        }
    }

    @Test
    void stalledServerGivesReadTimeoutThenTheNextCallWorks() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                Thread.sleep(3000);
                return;
            }
            serveAll(c);
        }); Session s = Session.builder().baseUrl(server.url("/")).readTimeout(Duration.ofMillis(200)).build()) {
            long t0 = System.nanoTime();
            ReadTimeoutException e = assertThrows(ReadTimeoutException.class, () -> s.get("/a"));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "timed out promptly");
            assertTrue(e.getMessage().contains("read timeout of 200 ms"), e.getMessage());
            assertEquals("fine", s.get("/b").text());
        }
    }

    @Test
    void serverThatStopsReadingGivesWriteTimeout() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readHead();
                Thread.sleep(3000);
                return;
            }
            serveAll(c);
        }); Session s = Session.builder().baseUrl(server.url("/")).writeTimeout(Duration.ofMillis(300)).build()) {
            long size = 64L << 20;
            Body big = Body.stream(new InputStream() {
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 0 : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 0);
                    left -= n;
                    return n;
                }
            }, size);
            long t0 = System.nanoTime();
            WriteTimeoutException e = assertThrows(WriteTimeoutException.class, () -> s.post("/upload", big));
            assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "timed out promptly");
            assertTrue(e.getMessage().contains("write timeout of 300 ms"), e.getMessage());
            assertEquals("fine", s.get("/b").text());
        }
    }

    @Test
    void staleReusedConnectionIsRetriedOnceForAnIdempotentRequest() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                c.ok("first"); // keep-alive promised, then closed: a stale pooled connection
                return;
            }
            serveAll(c);
        }); Session s = session(server)) {
            assertEquals("first", s.get("/a").text());
            Thread.sleep(100);
            assertEquals("fine", s.get("/b").text());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void staleReusedConnectionIsNotRetriedForAPostWhoseBodyWasSent() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                c.ok("first");
                return;
            }
            serveAll(c);
        }); Session s = session(server)) {
            assertEquals("first", s.get("/a").text());
            Thread.sleep(100);
            assertThrows(ConnectionFailedException.class, () -> s.post("/b", Body.text("not twice")));
            assertEquals(1, server.connections.get(), "no second attempt");
            assertEquals("fine", s.get("/c").text());
        }
    }

    @Test
    void keepAliveConnectionIsReusedAndEvictedAfterItsIdleTime() throws Exception {
        try (FakeServer server = new FakeServer(FaultInjectionTest::serveAll);
                Session s = Session.builder().baseUrl(server.url("/")).keepAlive(Duration.ofMillis(1000)).build()) {
            // 1 s, not less: a loaded machine can pause this thread between two calls long enough
            // for a shorter keep-alive to expire, which would open a second connection here.
            s.get("/1");
            s.get("/2");
            s.get("/3");
            assertEquals(1, server.connections.get());
            Thread.sleep(1200);
            s.get("/4");
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void abandonedStreamingResponseClosesItsConnection() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.index == 1) {
                c.readRequest(null);
                c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n0123456789");
                c.readHead(); // returns null when the client closes
                return;
            }
            serveAll(c);
        }); Session s = session(server)) {
            try (Response r = s.request(Method.GET, "/big").stream(true).send()) {
                InputStream in = r.stream();
                assertEquals('0', in.read());
            }
            assertEquals(0, s.idleConnections());
            assertEquals("fine", s.get("/b").text());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void streamingResponseReadToTheEndReleasesItsConnection() throws Exception {
        try (FakeServer server = new FakeServer(FaultInjectionTest::serveAll); Session s = session(server)) {
            try (Response r = s.request(Method.GET, "/a").stream(true).send()) {
                assertEquals(0, s.idleConnections());
                assertEquals("fine", new String(r.stream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(1, s.idleConnections());
            }
            s.get("/b");
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void headerWithCrLfOrBadTargetIsRefusedBeforeAnyByteIsSent() throws Exception {
        try (FakeServer server = new FakeServer(FaultInjectionTest::serveAll); Session s = session(server)) {
            assertThrows(IllegalArgumentException.class,
                    () -> s.request(Method.GET, "/a").header("X-A", "v\r\nInjected: 1"));
            assertThrows(IllegalArgumentException.class, () -> s.request(Method.GET, "/a").header("X\0", "v"));
            assertThrows(IllegalArgumentException.class, () -> Method.of("GET /x HTTP/1.1\r\n"));
            assertThrows(InvalidUrlException.class, () -> s.get("/a b\r\nHost: evil"));
            assertThrows(InvalidUrlException.class, () -> s.get("ftp://127.0.0.1/x"));
            assertEquals(0, server.connections.get());
            assertEquals("fine", s.get("/ok").text());
            // The server counts a connection only once it accepts it, which may be after a refused
            // call returned: a connection that call opened would show up by now, before this one.
            assertEquals(1, server.connections.get(), "only the last call connected");
        }
    }

    @Test
    void connectionRefusedIsConnectionFailed() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        try (Session s = Session.create()) {
            ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                    () -> s.get("http://127.0.0.1:" + port + "/"));
            assertTrue(e.getMessage().contains("is the server running"), e.getMessage());
        }
    }
}
