package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private FileSessionStore newStore() {
        return FileSessionStore.builder(dir).clock(clock).idleTimeout(Duration.ofMinutes(30)).build();
    }

    @Test
    void sessionsSurviveARestartOfTheServer() throws IOException {
        Router first = SessionFilter.builder(newStore()).build().install(new Router())
                .get("/login", req -> {
                    req.session().put("user", "Zoë").put("roles", List.of("admin", "dev")).put("visits", 3);
                    return Reply.text("ok");
                });
        String cookie = SessionRequests.cookiePair(first.handle(SessionRequests.get("/login", null)));

        // a new store on the same directory stands for the restarted process
        Router second = SessionFilter.builder(newStore()).build().install(new Router())
                .get("/me", req -> Reply.text(req.session().get("user", String.class) + " "
                        + req.session().get("roles", List.class) + " " + req.session().get("visits", Integer.class)));
        assertEquals("Zoë [admin, dev] 3", Replies.text(second.handle(SessionRequests.get("/me", cookie))));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(cookie.substring(4) + ".json"), files.map(p -> p.getFileName().toString()).toList(),
                    "one file per session, no temporary file left behind");
        }
    }

    @Test
    void aCorruptFileIsLoggedAndTreatedAsNoSession() throws IOException {
        String id = SessionIds.next();
        Files.writeString(dir.resolve(id + ".json"), "{\"created\": 1, \"data\": [tru");
        List<LogRecord> logged = new java.util.ArrayList<>();
        Logger jul = Logger.getLogger(FileSessionStore.class.getName());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        jul.setUseParentHandlers(false);
        try {
            assertNull(newStore().load(id));
            Files.writeString(dir.resolve(id + ".json"), "{\"created\": \"yesterday\", \"data\": {}}");
            assertNull(newStore().load(id));
            // and the filter gives the browser a fresh session instead of a 500
            Router r = SessionFilter.builder(newStore()).build().install(new Router())
                    .get("/", req -> Reply.text(String.valueOf(req.session().put("a", 1).get("a"))));
            Reply reply = r.handle(SessionRequests.get("/", "sid=" + id));
            assertEquals(200, reply.status());
            assertFalse(reply.header("Set-Cookie").contains(id));
        } finally {
            jul.removeHandler(h);
            jul.setUseParentHandlers(true);
        }
        assertEquals(3, logged.size());
        assertTrue(logged.get(0).getMessage().contains(id + ".json is corrupt"), logged.get(0).getMessage());
    }

    @Test
    void filesExpireByTheInjectedClock() {
        FileSessionStore store = newStore();
        String id = SessionIds.next();
        store.create(id, Map.of("k", "v"));
        clock.advance(Duration.ofMinutes(20));
        assertNotNull(store.load(id));
        clock.advance(Duration.ofMinutes(20));
        assertNotNull(store.load(id), "the load 20 minutes ago counted as use");
        clock.advance(Duration.ofMinutes(31));
        assertNull(store.load(id));
        assertFalse(Files.exists(dir.resolve(id + ".json")), "an expired file is removed");
    }

    @Test
    void updatesMergeAndDeleteRemovesTheFile() {
        FileSessionStore store = newStore();
        String id = SessionIds.next();
        store.create(id, Map.of("a", 1L, "b", true));
        assertTrue(store.update(id, Map.of("c", 2.5), Set.of("a")));
        assertEquals(Map.of("b", true, "c", 2.5), store.load(id));
        store.delete(id);
        assertNull(store.load(id));
        assertFalse(store.update(id, Map.of("c", 1L), Set.of()));
    }

    @Test
    void purgeExpiredDeletesExpiredCorruptAndStaleTemporaryFilesOnly() throws IOException {
        FileSessionStore store = newStore();
        String old = SessionIds.next();
        String live = SessionIds.next();
        String corrupt = SessionIds.next();
        store.create(old, Map.of("k", 1L));
        Path staleTmp = Files.createFile(dir.resolve(".session-123.tmp"));
        Files.setLastModifiedTime(staleTmp, java.nio.file.attribute.FileTime.from(clock.instant()));
        clock.advance(Duration.ofMinutes(20));
        store.create(live, Map.of("k", 2L));
        Files.writeString(dir.resolve(corrupt + ".json"), "not json");
        Files.writeString(dir.resolve("notes.txt"), "not ours");
        clock.advance(Duration.ofMinutes(15));
        Logger jul = Logger.getLogger(FileSessionStore.class.getName());
        jul.setUseParentHandlers(false);   // the corrupt file's warning is expected here
        try {
            assertEquals(3, store.purgeExpired());
        } finally {
            jul.setUseParentHandlers(true);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of(live + ".json", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void anIdThatIsNotOneOfOursCannotNameAFile() {
        FileSessionStore store = newStore();
        assertThrows(IllegalArgumentException.class, () -> store.load("../../etc/passwd"));
    }
}
