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
            assertTrue(server.connections.get() < 80, "connections were reused: " + server.connections.get());
        }
    }
}
