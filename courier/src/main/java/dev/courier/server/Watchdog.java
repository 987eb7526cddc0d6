package dev.courier.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections whose response write has been blocked longer than the I/O timeout: a
 * blocking {@code SocketChannel.write} (and {@code transferTo}) has no timeout of its own, so a
 * client that stops reading would otherwise hold its thread forever. Reads need no watchdog;
 * they time out through {@code SO_TIMEOUT} (see {@link Transport}).
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer;

    Watchdog(Set<Connection> connections, Duration ioTimeout, long periodMillis) {
        long limit = ioTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "courier-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (Connection c : connections) {
                long started = c.writer.writeStartedNanos;
                if (started != 0 && now - started > limit) {
                    c.abort();
                }
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
