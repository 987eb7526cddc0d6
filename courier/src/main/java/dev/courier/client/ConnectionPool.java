package dev.courier.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Idle keep-alive connections per origin. A connection comes back only after its response was
 * read to the end, and connections idle longer than the keep-alive time are closed.
 *
 * <p>Which idle connection a thread gets: the one that thread itself gave back last, if it is
 * still idle; otherwise the most recently used one (its peer is the least likely to have timed it
 * out). Each thread then keeps talking over the same connection, to the same reader on the server,
 * as HikariCP's thread-local lists keep a thread on its own database connection. Why, measured on
 * the client benchmark (2 cores, a loopback server with a thread per connection, both choices
 * interleaved in the same runs): with the most recent one alone, a thread got whichever
 * connection another thread had just given back, and 4 threads made 0.78&ndash;0.87&times; the
 * raw-socket floor (one socket per thread) in four runs; perf showed the kernel spending twice
 * the floor's time waking the server's threads. Keeping each thread on its own connection made
 * it 0.89&ndash;0.98&times; in the same runs. At 16 threads, more than the cores run at once, it
 * cost about 4 % on average (0.88&ndash;1.03&times; against 0.95&ndash;1.04&times;); at 1 and 64
 * threads the two were level.
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
    private final Map<Origin, ArrayList<Connection>> idle = new HashMap<>();
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
            ArrayList<Connection> q = idle.get(origin);
            int own = q == null ? -1 : lastReleasedBy(q, Thread.currentThread().getId());
            while (q != null && !q.isEmpty() && found == null) {
                Connection c = q.remove(own >= 0 ? own : q.size() - 1);
                own = -1;
                if (c.isClosed() || now - c.idleSinceNanos() > keepAliveNanos) {
                    // Too old or gone: close it, try the most recently used of the rest.
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

    /** Returns the index of the connection thread {@code threadId} gave back last, or -1. */
    private static int lastReleasedBy(ArrayList<Connection> q, long threadId) {
        for (int i = q.size() - 1; i >= 0; i--) {
            if (q.get(i).releasedBy() == threadId) {
                return i;
            }
        }
        return -1;
    }

    /** Takes {@code c} back for reuse, or closes it when the pool is closed or full. */
    void release(Connection c) {
        boolean keep;
        synchronized (this) {
            ArrayList<Connection> q = idle.computeIfAbsent(c.origin(), o -> new ArrayList<>());
            keep = !closed && !c.isClosed() && q.size() < maxIdlePerOrigin;
            if (keep) {
                c.markIdle(clock.getAsLong(), Thread.currentThread().getId());
                q.add(c);
            }
        }
        if (!keep) {
            c.close();
        }
    }

    /** Returns how many idle connections are held, all origins together. */
    synchronized int idleCount() {
        int n = 0;
        for (ArrayList<Connection> q : idle.values()) {
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
        for (Iterator<ArrayList<Connection>> it = idle.values().iterator(); it.hasNext();) {
            ArrayList<Connection> q = it.next();
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
