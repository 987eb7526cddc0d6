package dev.courier.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds blocking writes: Java sockets have no write timeout (SO_TIMEOUT covers reads only), so a
 * write that is still blocked when its time is up gets its socket closed, which makes the write
 * throw. One daemon thread serves every connection of the JVM.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = createTimer();

    private static ScheduledExecutorService createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "courier-write-watchdog");
            t.setDaemon(true);
            return t;
        });
        // Nearly every timer is cancelled at once; without this, each would stay queued for the
        // whole write timeout (60 s by default), a leak at thousands of requests per second.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** One armed timer; {@link #disarm()} returns true when it had already fired. */
    static final class Armed {
        private final ScheduledFuture<?> future;
        private final AtomicBoolean fired;

        private Armed(ScheduledFuture<?> future, AtomicBoolean fired) {
            this.future = future;
            this.fired = fired;
        }

        boolean disarm() {
            if (future != null) {
                future.cancel(false);
            }
            return fired.get();
        }
    }

    private static final Armed UNARMED = new Armed(null, new AtomicBoolean());

    private Watchdog() {
    }

    /** Closes {@code target} after {@code millis} unless disarmed first; 0 means never. */
    static Armed arm(Closeable target, int millis) {
        if (millis <= 0) {
            return UNARMED;
        }
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> f = TIMER.schedule(() -> {
            fired.set(true);
            try {
                target.close();
            } catch (IOException ignored) {
                // The write in progress fails with the timeout we report; nothing else to do.
            }
        }, millis, TimeUnit.MILLISECONDS);
        return new Armed(f, fired);
    }
}
