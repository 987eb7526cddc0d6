package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each limit and timeout with a tiny value: the status it answers and that the connection closes. */
class ServerLimitsTest {

    private final TestServers.Echo echo = new TestServers.Echo();

    private HttpServer start(ServerLimits limits) throws Exception {
        return TestServers.start(new Router().post("/echo", echo).get("/echo", echo), limits);
    }

    @Test
    void answers414ForALongRequestLine() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxRequestLineBytes(64).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: x\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 414 URI Too Long"), r);
            assertTrue(r.contains("maxStartLineBytes=64"), "names the limit: " + r);
            assertEquals(0, echo.calls.get());
        }
    }

    @Test
    void answers431ForALargeHeaderSection() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxHeaderBytes(128).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("GET /echo HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(200) + "\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 431"), r);
            assertTrue(r.contains("Connection: close"), r);
        }
    }

    @Test
    void answers431ForTooManyHeaderFields() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxHeaderCount(3).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("GET /echo HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 431"), r);
        }
    }

    @Test
    void answers413BeforeReadingADeclaredLargeBody() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxBodyBytes(10).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 413"), r);
            assertFalse(r.contains("100 Continue"), "no 100 for a body that will be refused: " + r);
            assertEquals(0, echo.calls.get());
        }
    }

    @Test
    void answers413WhenAChunkedBodyGrowsPastTheLimit() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxBodyBytes(10).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 413"), r);
            assertTrue(r.contains("maxBodyBytes=10") && r.contains("Connection: close"), r);
        }
    }

    @Test
    void answers408AndClosesWhenTheHeaderSectionIsTooSlow() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().headerTimeout(Duration.ofMillis(300)).build());
                RawClient c = new RawClient(s.port())) {
            long t0 = System.nanoTime();
            c.send("GET /echo HTTP/1.1\r\nHost: x\r\n");
            // The head keeps arriving, a line every 100 ms for up to 3 s, but the deadline counts
            // from the first byte: the 408 must come about 300 ms in. A server that restarted its
            // clock on each read, or waited for the blank line, would answer only after the drip.
            AtomicBoolean answered = new AtomicBoolean();
            Thread drip = new Thread(() -> {
                try {
                    for (int i = 0; i < 30 && !answered.get(); i++) {
                        Thread.sleep(100);
                        c.send("X-Drip-" + i + ": 1\r\n");
                    }
                } catch (IOException | InterruptedException closed) {
                    // The server answered and closed: nothing more to send.
                }
            }, "drip");
            drip.start();
            String r;
            long ms;
            try {
                String head = c.readUntil("\r\n\r\n", 1);
                ms = (System.nanoTime() - t0) / 1_000_000;
                answered.set(true);
                r = head + c.readToClose();
            } finally {
                answered.set(true);
                drip.join(5000);
            }
            assertTrue(r.startsWith("HTTP/1.1 408"), r);
            assertTrue(ms >= 250 && ms < 2500, "answered after " + ms + " ms; the drip went on for 3 s");
            assertEquals(0, echo.calls.get());
        }
    }

    @Test
    void closesAnIdleKeptAliveConnectionQuietly() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().idleTimeout(Duration.ofMillis(200)).build());
                RawClient c = new RawClient(s.port())) {
            String first = c.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200"), first);
            String rest = c.readToClose();
            assertEquals("", rest, "nothing is sent on an idle close");
        }
    }

    @Test
    void answers408WhenTheBodyStopsArriving() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().ioTimeout(Duration.ofMillis(200)).build());
                RawClient c = new RawClient(s.port())) {
            String r = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 408"), r);
        }
    }

    @Test
    void refusesConnectionsBeyondTheMaximumWith503() throws Exception {
        try (HttpServer s = start(ServerLimits.builder().maxConnections(1).build());
                RawClient first = new RawClient(s.port())) {
            assertTrue(first.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 200"));
            try (RawClient second = new RawClient(s.port())) {
                String r = second.readToClose();
                assertTrue(r.startsWith("HTTP/1.1 503"), r);
            }
            assertTrue(first.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 200"),
                    "the admitted connection still works");
        }
    }

    @Test
    void closesAConnectionWhoseClientStopsReading() throws Exception {
        AtomicInteger written = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (written.addAndGet(len) > 512 * 1024 * 1024) {
                    return -1; // a bound for the test; far more than the socket buffers hold
                }
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        try (HttpServer s = TestServers.start(new Router().get("/endless", req -> Reply.stream(endless, -1, "text/plain")),
                ServerLimits.builder().ioTimeout(Duration.ofMillis(300)).build());
                RawClient c = new RawClient(s.port())) {
            c.socket.setReceiveBufferSize(4096);
            c.send("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
            long waitedMillis = TestServers.awaitOneConnectionDropped(s);
            assertTrue(waitedMillis >= 300, "dropped after " + waitedMillis + " ms, before the 300 ms I/O timeout");
            assertTrue(written.get() < 512 * 1024 * 1024, "it did so before the stream ended");
        }
    }

    @Test
    void refusesNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.builder().maxBodyBytes(0));
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.builder().idleTimeout(Duration.ZERO));
        assertEquals(ServerLimits.DEFAULT_MAX_BODY_BYTES, ServerLimits.defaults().maxBodyBytes());
    }
}
