package dev.courier.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps sessions in this JVM's memory, with an idle timeout, an absolute timeout and a cap on
 * their number; sessions are lost when the process ends (see {@link FileSessionStore}).
 *
 * <pre>{@code
 * SessionStore store = MemorySessionStore.builder()
 *     .idleTimeout(Duration.ofMinutes(30)).absoluteTimeout(Duration.ofHours(8))
 *     .maxSessions(10_000).build();
 * }</pre>
 *
 * <p>When the cap is reached, a new session first drops every expired one and then, if still
 * full, the one unused for longest. All methods are atomic (one lock; a session is touched only
 * for a map lookup and a copy, so the lock is held briefly).
 */
public final class MemorySessionStore implements SessionStore {

    /** Idle timeout: 30 minutes, the upper end OWASP's Session Management Cheat Sheet gives. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Absolute timeout: 8 hours, a working day, the upper end OWASP gives for it. */
    public static final Duration DEFAULT_ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    /**
     * Sessions kept: 100,000, a few hundred MB at most for small sessions, so that a client
     * creating sessions in a loop cannot exhaust the heap.
     */
    public static final int DEFAULT_MAX_SESSIONS = 100_000;

    private static final class Entry {
        final Instant created;
        Instant lastUsed;
        final Map<String, Object> data;

        Entry(Instant created, Map<String, Object> data) {
            this.created = created;
            this.lastUsed = created;
            this.data = data;
        }
    }

    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxSessions;
    private final Clock clock;
    /** In access order: the first entry is the one unused for longest. Guarded by this. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private MemorySessionStore(Builder b) {
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.maxSessions = b.maxSessions;
        this.clock = b.clock;
    }

    /** Returns a builder with the defaults (30 min idle, 8 h absolute, 100,000 sessions). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized Map<String, Object> load(String id) {
        Entry e = live(id, clock.instant());
        if (e == null) {
            return null;
        }
        e.lastUsed = clock.instant();
        return new LinkedHashMap<>(e.data);
    }

    @Override
    public synchronized void create(String id, Map<String, Object> data) {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            sessions.values().removeIf(e -> expired(e, now));
        }
        Iterator<Map.Entry<String, Entry>> oldest = sessions.entrySet().iterator();
        while (sessions.size() >= maxSessions && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        sessions.put(id, new Entry(now, new LinkedHashMap<>(data)));
    }

    @Override
    public synchronized boolean update(String id, Map<String, Object> puts, Set<String> removes) {
        Instant now = clock.instant();
        Entry e = live(id, now);
        if (e == null) {
            return false;
        }
        e.data.putAll(puts);
        e.data.keySet().removeAll(removes);
        e.lastUsed = now;
        return true;
    }

    @Override
    public synchronized void delete(String id) {
        sessions.remove(id);
    }

    /** Returns the number of sessions held, expired ones not yet dropped included. */
    public synchronized int size() {
        return sessions.size();
    }

    /** Returns the entry of {@code id} unless absent or expired (then it is dropped). */
    private Entry live(String id, Instant now) {
        Entry e = sessions.get(id);
        if (e != null && expired(e, now)) {
            sessions.remove(id);
            return null;
        }
        return e;
    }

    private boolean expired(Entry e, Instant now) {
        return !now.isBefore(e.lastUsed.plus(idleTimeout)) || !now.isBefore(e.created.plus(absoluteTimeout));
    }

    /** A builder of {@link MemorySessionStore}. */
    public static final class Builder {
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration absoluteTimeout = DEFAULT_ABSOLUTE_TIMEOUT;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Sets how long an unused session lives; default 30 minutes. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive("idleTimeout", idleTimeout);
            return this;
        }

        /** Sets how long any session lives from its creation, used or not; default 8 hours. */
        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = positive("absoluteTimeout", absoluteTimeout);
            return this;
        }

        /** Sets how many sessions are kept before the one unused for longest is dropped; default 100,000. */
        public Builder maxSessions(int maxSessions) {
            if (maxSessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
            }
            this.maxSessions = maxSessions;
            return this;
        }

        /** Sets the clock that timeouts are measured with (tests pin it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the store. */
        public MemorySessionStore build() {
            return new MemorySessionStore(this);
        }

        static Duration positive(String what, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
