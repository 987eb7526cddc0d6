package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemorySessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MemorySessionStore store = MemorySessionStore.builder().clock(clock)
            .idleTimeout(Duration.ofMinutes(30)).absoluteTimeout(Duration.ofHours(8)).maxSessions(3).build();

    @Test
    void aSessionUnusedForTheIdleTimeoutIsGone() {
        String id = SessionIds.next();
        store.create(id, Map.of("u", "ada"));
        clock.advance(Duration.ofMinutes(29));
        assertNotNull(store.load(id), "used within 30 minutes: still there, and the use counts");
        clock.advance(Duration.ofMinutes(29));
        assertNotNull(store.load(id));
        clock.advance(Duration.ofMinutes(30));
        assertNull(store.load(id));
        assertFalse(store.update(id, Map.of("u", "eve"), Set.of()), "an expired session is not revived");
    }

    @Test
    void aSessionInUseStillEndsAtTheAbsoluteTimeout() {
        String id = SessionIds.next();
        store.create(id, Map.of("u", "ada"));
        for (int i = 0; i < 15; i++) {       // 15 x 30 min = 7.5 h, never idle
            clock.advance(Duration.ofMinutes(30).minusSeconds(1));
            assertNotNull(store.load(id), "after step " + i);
        }
        clock.advance(Duration.ofMinutes(31));
        assertNull(store.load(id));
    }

    @Test
    void whenFullTheSessionUnusedForLongestIsDropped() {
        String a = SessionIds.next();
        String b = SessionIds.next();
        String c = SessionIds.next();
        store.create(a, Map.of("k", 1L));
        store.create(b, Map.of("k", 2L));
        store.create(c, Map.of("k", 3L));
        store.load(a);                       // a is now the most recently used; b the least
        store.create(SessionIds.next(), Map.of("k", 4L));
        assertEquals(3, store.size());
        assertNull(store.load(b));
        assertNotNull(store.load(a));
        assertNotNull(store.load(c));
    }

    @Test
    void updatesMergeKeyByKey() {
        String id = SessionIds.next();
        store.create(id, Map.of("a", 1L, "b", 2L));
        store.update(id, Map.of("c", 3L), Set.of("a"));
        assertEquals(Map.of("b", 2L, "c", 3L), store.load(id));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> MemorySessionStore.builder().maxSessions(0));
        assertThrows(IllegalArgumentException.class, () -> MemorySessionStore.builder().idleTimeout(Duration.ZERO));
    }
}
