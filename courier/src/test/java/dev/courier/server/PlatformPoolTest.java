package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded platform pool (Java 17): idle connections must not starve waiting ones. */
class PlatformPoolTest {

    @Test
    void closesAnIdleConnectionWhenAnotherWaitsForTheOnlyThread() throws Exception {
        try (HttpServer s = HttpServer.builder().virtualThreads(false)
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
}
