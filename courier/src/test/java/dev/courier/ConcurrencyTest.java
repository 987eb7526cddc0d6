package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One session shared by many concurrent calls. */
class ConcurrencyTest {

    @Test
    void concurrentCallsShareThePoolWithoutMixingResponses() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            dev.courier.wire.RequestHead h;
            while ((h = c.readRequest(null)) != null) {
                c.ok(h.target());
            }
        }); Session s = Session.builder().poolSize(4).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(s.sendAsync(Request.builder(Method.GET, server.url("/n/" + i)).build()));
            }
            for (int i = 0; i < 80; i++) {
                assertEquals("/n/" + i, calls.get(i).get().text());
            }
            assertTrue(s.idleConnections() <= 4, "pool keeps at most its size idle");
            // How many connections the burst opened depends on the threads (virtual threads on 21+
            // run all 80 at once); what must hold is that the pooled ones are reused afterwards.
            int opened = server.connections.get();
            for (int i = 0; i < 10; i++) {
                assertEquals("/again/" + i, s.get(server.url("/again/" + i)).text());
            }
            assertEquals(opened, server.connections.get(), "sequential calls after the burst reuse pooled connections");
        }
    }
}
