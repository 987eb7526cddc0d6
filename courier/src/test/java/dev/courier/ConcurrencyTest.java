package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /**
     * Thread B's call holds connection Y open while thread A opens X; A gives X back first, then
     * B gives Y back. Handing out the most recently used connection would now give A the Y; the
     * pool gives each thread the connection it gave back itself.
     */
    @Test
    void eachThreadGetsBackTheConnectionItGaveBack() throws Exception {
        CountDownLatch holdArrived = new CountDownLatch(1);
        CountDownLatch letHoldGo = new CountDownLatch(1);
        try (FakeServer server = connectionNumbers(holdArrived, letHoldGo); Session s = Session.builder().build()) {
            CompletableFuture<String> threadB = new CompletableFuture<>();
            CountDownLatch bAgain = new CountDownLatch(1);
            CompletableFuture<String> threadBAgain = new CompletableFuture<>();
            Thread b = new Thread(() -> {
                try {
                    threadB.complete(s.get(server.url("/hold")).text());
                    assertTrue(bAgain.await(10, TimeUnit.SECONDS));
                    threadBAgain.complete(s.get(server.url("/again")).text());
                } catch (Throwable e) {
                    threadB.completeExceptionally(e);
                    threadBAgain.completeExceptionally(e);
                }
            }, "thread-b");
            b.start();
            assertTrue(holdArrived.await(10, TimeUnit.SECONDS), "B's call reached the server");
            String a = s.get(server.url("/first")).text();
            letHoldGo.countDown();
            String bConnection = threadB.get(10, TimeUnit.SECONDS);
            assertEquals(2, s.idleConnections(), "both connections are back in the pool");
            assertTrue(!a.equals(bConnection), "A and B used two connections");

            assertEquals(a, s.get(server.url("/again")).text(),
                    "A gets its own connection, not the last one given back");
            bAgain.countDown();
            assertEquals(bConnection, threadBAgain.get(10, TimeUnit.SECONDS), "B gets its own connection");
            b.join(10_000);
            assertEquals(2, server.connections.get());
        }
    }

    /**
     * This thread's own connection outlives the keep-alive time while another thread's call holds
     * a second one; once that comes back, this thread gets it rather than its expired one or a new one.
     */
    @Test
    void aThreadWhoseConnectionExpiredGetsTheMostRecentOther() throws Exception {
        CountDownLatch holdArrived = new CountDownLatch(1);
        CountDownLatch letHoldGo = new CountDownLatch(1);
        // The other connection must stay fresh from its release to the last call: a 600 ms
        // keep-alive leaves that much room for a slow machine.
        try (FakeServer server = connectionNumbers(holdArrived, letHoldGo);
                Session s = Session.builder().keepAlive(Duration.ofMillis(600)).build()) {
            CompletableFuture<String> other = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    other.complete(s.get(server.url("/hold")).text());
                } catch (Throwable e) {
                    other.completeExceptionally(e);
                }
            }, "other");
            t.start();
            assertTrue(holdArrived.await(10, TimeUnit.SECONDS), "the other call reached the server");
            String mine = s.get(server.url("/mine")).text();
            Thread.sleep(800);
            letHoldGo.countDown();
            String otherConnection = other.get(10, TimeUnit.SECONDS);
            t.join(10_000);
            assertEquals(2, s.idleConnections(), "the expired connection is still pooled until someone asks");

            assertEquals(otherConnection, s.get(server.url("/again")).text(),
                    "this thread's own connection expired, so it gets the one the other thread gave back");
            assertTrue(!mine.equals(otherConnection));
            assertEquals(2, server.connections.get(), "no new connection was opened");
            assertEquals(1, s.idleConnections(), "the expired one was closed");
        }
    }

    /**
     * A server that answers each request with the number of its connection (1, 2, ...); a
     * request for /hold counts {@code arrived} down and is answered once {@code letGo} is.
     */
    private static FakeServer connectionNumbers(CountDownLatch arrived, CountDownLatch letGo) throws Exception {
        return new FakeServer(c -> {
            dev.courier.wire.RequestHead h;
            while ((h = c.readRequest(null)) != null) {
                if (h.target().equals("/hold")) {
                    arrived.countDown();
                    assertTrue(letGo.await(10, TimeUnit.SECONDS), "the test lets /hold go");
                }
                c.ok(Integer.toString(c.index));
            }
        });
    }
}
