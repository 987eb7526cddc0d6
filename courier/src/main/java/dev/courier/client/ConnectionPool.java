package dev.courier.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Idle keep-alive connections per origin. A connection comes back only after its response was
 * read to the end; the most recently used one is handed out first (its peer is the least likely
 * to have timed it out), and connections idle longer than the keep-alive time are closed.
 *
 * <p>Thread-safe: every method holds the pool's lock, never while doing I/O except closing.
 */
final class ConnectionPool {

    /** Idle connections kept per origin by default: 5, as OkHttp's pool. */
    static final int DEFAULT_MAX_IDLE_PER_ORIGIN = 5;
    /** Idle time after which a connection is closed: 60 s, below nginx's 75 s keepalive_timeout. */
    static final long DEFAULT_KEEP_ALIVE_NANOS = 60_000_000_000L;
    /** How often acquiring also sweeps the other origins' expired connections: 1 s, far below any keep-alive time. */
    static final long SWEEP_NANOS = 1_000_000_000L;

    private final int maxIdlePerOrigin;
    private final long keepAliveNanos;
    private final LongSupplier clock;
    private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
    private boolean closed;
    /** When {@link #acquire} last swept every origin for expired connections. */
    private long lastSweepNanos;

    ConnectionPool(int maxIdlePerOrigin, long keepAliveNanos, LongSupplier clock) {
        if (maxIdlePerOrigin < 0) {
            throw new IllegalArgumentException("maxIdlePerOrigin must be >= 0, got " + maxIdlePerOrigin);
        }
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.keepAliveNanos = keepAliveNanos;
        this.clock = clock;
        this.lastSweepNanos = clock.getAsLong() - SWEEP_NANOS;
    }

    /** Returns an idle connection to {@code origin}, or null when there is none. */
    Connection acquire(Origin origin) {
        List<Connection> stale = null;
        Connection found = null;
        synchronized (this) {
            long now = clock.getAsLong();
            // Sweeping every origin on every call walked the whole map per request; other origins
            // are swept at most once per SWEEP_NANOS, while this origin's queue is checked exactly.
            if (now - lastSweepNanos >= SWEEP_NANOS) {
                lastSweepNanos = now;
                stale = new ArrayList<>();
                evictExpired(stale);
            }
            ArrayDeque<Connection> q = idle.get(origin);
            while (q != null && !q.isEmpty() && found == null) {
                Connection c = q.pollLast();
                if (c.isClosed() || now - c.idleSinceNanos() > keepAliveNanos) {
                    // The most recently used one is too old or gone: close it, try the next.
                    if (stale == null) {
                        stale = new ArrayList<>();
                    }
                    stale.add(c);
                    continue;
                }
                found = c;
            }
        }
        if (stale != null) {
            stale.forEach(Connection::close);
        }
        return found;
    }

    /** Takes {@code c} back for reuse, or closes it when the pool is closed or full. */
    void release(Connection c) {
        boolean keep;
        synchronized (this) {
            ArrayDeque<Connection> q = idle.computeIfAbsent(c.origin(), o -> new ArrayDeque<>());
            keep = !closed && !c.isClosed() && q.size() < maxIdlePerOrigin;
            if (keep) {
                c.markIdle(clock.getAsLong());
                q.addLast(c);
            }
        }
        if (!keep) {
            c.close();
        }
    }

    /** Returns how many idle connections are held, all origins together. */
    synchronized int idleCount() {
        int n = 0;
        for (ArrayDeque<Connection> q : idle.values()) {
            n += q.size();
        }
        return n;
    }

    /** Closes idle connections past the keep-alive time; returns how many. */
    int evictIdle() {
        List<Connection> stale = new ArrayList<>();
        synchronized (this) {
            evictExpired(stale);
        }
        stale.forEach(Connection::close);
        return stale.size();
    }

    private void evictExpired(List<Connection> into) {
        long now = clock.getAsLong();
        for (Iterator<ArrayDeque<Connection>> it = idle.values().iterator(); it.hasNext();) {
            ArrayDeque<Connection> q = it.next();
            q.removeIf(c -> {
                boolean old = now - c.idleSinceNanos() > keepAliveNanos || c.isClosed();
                if (old) {
                    into.add(c);
                }
                return old;
            });
            if (q.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Closes every idle connection and refuses any that come back later. */
    void close() {
        List<Connection> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(Connection::close);
    }
}
