package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded platform pool (Java 17): idle connections must not starve waiting ones. */
class PlatformPoolTest {

    @Test
    void closesAnIdleConnectionWhenAnotherWaitsForTheOnlyThread() throws Exception {
        // Connections that keep their thread between requests (not parked, see IdleParkingTest):
        // closing an idle one is what frees the only thread.
        try (HttpServer s = HttpServer.builder().virtualThreads(false).directConnections(1000)
                .limits(ServerLimits.builder().maxPlatformThreads(1).build())
                .handler(req -> Reply.text("ok " + req.path())).start();
                RawClient idle = new RawClient(s.port())) {
            assertTrue(idle.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok /a"));
            long t0 = System.nanoTime();
            try (RawClient waiting = new RawClient(s.port())) {
                String r = waiting.send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(r.endsWith("ok /b"), r);
                assertTrue(ms < 3000, "served after " + ms + " ms, not after the 30 s idle timeout");
            }
            assertTrue(idle.serverClosed(), "the idle connection gave its thread up");
        }
    }

    @Test
    void neverClosesAConnectionThatIsBusyWhileAnotherWaits() throws Exception {
        try (HttpServer s = HttpServer.builder().virtualThreads(false)
                .limits(ServerLimits.builder().maxPlatformThreads(1).build())
                .handler(req -> Reply.text("ok " + req.path())).start();
                RawClient busy = new RawClient(s.port());
                RawClient waiting = new RawClient(s.port())) {
            // The busy client keeps its connection working for 600 ms (gaps far below the 250 ms
            // a connection must idle before it is given up); the waiting one is queued all along.
            waiting.send("GET /late HTTP/1.1\r\nHost: x\r\n\r\n");
            long end = System.nanoTime() + 600_000_000L;
            int answered = 0;
            for (int i = 0; i < 100_000 && System.nanoTime() < end; i++) {
                String r = busy.send("GET /n" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                assertTrue(r.endsWith("ok /n" + i), "request " + i + " of the busy client: " + r);
                answered++;
            }
            assertTrue(answered > 10, "only " + answered + " answers");
            // Now idle: after 250 ms it gives its thread up to the waiting client.
            assertTrue(waiting.readResponse().endsWith("ok /late"));
        }
    }
}
