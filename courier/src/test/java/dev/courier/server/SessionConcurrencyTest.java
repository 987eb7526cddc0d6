package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many requests of one session at once: every change survives, none is lost to a stale copy. */
class SessionConcurrencyTest {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 25;

    @Test
    void concurrentRequestsOfOneSessionKeepEveryChangeInMemory() throws Exception {
        MemorySessionStore store = MemorySessionStore.builder().build();
        assertEveryChangeKept(store);
    }

    @Test
    void concurrentRequestsOfOneSessionKeepEveryChangeInFiles(@TempDir Path dir) throws Exception {
        assertEveryChangeKept(FileSessionStore.builder(dir).build());
    }

    private static void assertEveryChangeKept(SessionStore store) throws Exception {
        Router router = SessionFilter.builder(store).build().install(new Router())
                .get("/start", req -> {
                    req.session().put("owner", "ada");
                    return Reply.text("ok");
                })
                .get("/mark", req -> {
                    // read the whole session (a stale snapshot under concurrency), then set one key
                    int seen = req.session().names().size();
                    req.session().put("k" + req.query("i"), seen);
                    return Reply.text("ok");
                });
        String cookie = SessionRequests.cookiePair(router.handle(SessionRequests.get("/start", null)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                    String i = t + "-" + r;
                    replies.add(pool.submit(() -> router.handle(SessionRequests.get("/mark?i=" + i, cookie))));
                }
            }
            for (Future<Reply> f : replies) {
                Reply reply = f.get(10, TimeUnit.SECONDS);
                assertEquals(200, reply.status());
                assertEquals(null, reply.header("Set-Cookie"), "a known session keeps its ID");
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        Map<String, Object> data = store.load(cookie.substring("sid=".length()));
        assertEquals(1 + THREADS * REQUESTS_PER_THREAD, data.size(), "every request's key is there");
        assertEquals("ada", data.get("owner"));
    }
}
