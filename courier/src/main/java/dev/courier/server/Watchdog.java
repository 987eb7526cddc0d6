package dev.courier.server;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks after the connections of one server every period:
 * <ul>
 *   <li>closes connections whose response write has been blocked longer than the I/O timeout: a
 *       blocking {@code SocketChannel.write} (and {@code transferTo}) has no timeout of its own,
 *       so a client that stops reading would otherwise hold its thread forever;</li>
 *   <li>on Java 17's bounded platform pool, closes as many idle keep-alive connections (idle for
 *       at least {@link #MIN_IDLE_NANOS}) as there are accepted connections waiting for a
 *       thread, so a waiting client is served soon instead of after some idle client's
 *       timeout.</li>
 * </ul>
 * Read timeouts are not watched here (see {@link Transport}).
 */
final class Watchdog implements AutoCloseable {

    /**
     * How long a connection must have waited between requests before it is closed for a
     * waiting one: 250 ms. A pool's queue is non-empty for a moment whenever connections arrive
     * in a burst, even with threads free; closing connections idle for microseconds then would
     * cut busy keep-alive clients off (a benchmark at 64 connections saw read errors).
     */
    static final long MIN_IDLE_NANOS = 250_000_000L;

    private final ScheduledExecutorService timer;

    Watchdog(Set<Connection> connections, ServerContext ctx, long periodMillis) {
        long limit = ctx.limits.ioTimeout().toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "courier-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            long idleLimit = ctx.limits.idleTimeout().toNanos();
            for (Connection c : connections) {
                long started = c.writer.writeStartedNanos;
                if (started != 0 && now - started > limit) {
                    c.abort();
                } else if (c.isParked()) {
                    // A parked connection has no read of its own to time out.
                    c.closeIfIdleFor(idleLimit);
                }
            }
            IdleParking parking = ctx.parking;
            if (parking != null) {
                parking.checkStalled(periodMillis * 1_000_000L);
            }
            int waiting = ctx.waitingForThreads();
            // Bounded by the number of connections.
            for (Iterator<Connection> it = connections.iterator(); waiting > 0 && it.hasNext(); ) {
                Connection c = it.next();
                // A parked connection holds no thread: closing it would free none.
                if (!c.isParked() && c.closeIfIdleFor(MIN_IDLE_NANOS)) {
                    waiting--;
                }
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
