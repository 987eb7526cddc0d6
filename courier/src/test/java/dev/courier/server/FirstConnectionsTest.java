package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * With virtual threads (Java 21+), the first connections at a time run on platform threads and
 * the rest on virtual ones; a platform slot is free again once its connection closes.
 */
class FirstConnectionsTest {

    private static String kind() throws ReflectiveOperationException {
        Method isVirtual = Thread.class.getMethod("isVirtual");
        return (Boolean) isVirtual.invoke(Thread.currentThread()) ? "virtual" : "platform";
    }

    private static String ask(RawClient c) throws Exception {
        String r = c.send("GET /kind HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        return r.substring(r.lastIndexOf('\n') + 1);
    }

    @Test
    void theFirstConnectionsRunOnPlatformThreadsAndTheRestOnVirtualOnes() throws Exception {
        Assumptions.assumeTrue(ConnectionThreads.virtualAvailable(),
                "this JVM (" + Runtime.version() + ") has no virtual threads: every connection runs on the platform pool");
        int slots = ConnectionThreads.platformConnectionsBesideVirtual();
        List<RawClient> open = new ArrayList<>();
        try (HttpServer s = TestServers.start(req -> Reply.text(kind()))) {
            for (int i = 0; i < slots; i++) {
                RawClient c = new RawClient(s.port());
                open.add(c);
                assertEquals("platform", ask(c), "connection " + (i + 1) + " of " + slots);
                assertEquals("platform", ask(c), "kept alive on the same thread");
            }
            RawClient extra = new RawClient(s.port());
            open.add(extra);
            assertEquals("virtual", ask(extra), "connection " + (slots + 1));

            open.remove(0).close();
            String next = "virtual";
            long end = System.nanoTime() + 3_000_000_000L;
            // Bounded by time: the slot frees once the server has seen the close.
            for (int i = 0; i < 300 && !next.equals("platform") && System.nanoTime() < end; i++) {
                try (RawClient c = new RawClient(s.port())) {
                    next = ask(c);
                }
                Thread.sleep(10);
            }
            assertTrue(next.equals("platform"), "a closed connection gives its platform slot back");
        } finally {
            for (RawClient c : open) {
                c.close();
            }
        }
    }
}
