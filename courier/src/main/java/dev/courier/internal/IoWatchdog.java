package dev.courier.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds blocking socket calls without touching the socket per call: Java sockets have no write
 * timeout (SO_TIMEOUT covers reads only), and SO_TIMEOUT on a blocking channel's reads costs four
 * fcntl calls per read. A call still blocked when its time is up has its guard's target closed
 * (the client closes the socket; the server shuts its input down, which ends a blocked read
 * with end-of-stream), which makes the call return or throw; the caller then asks
 * {@link Guard#disarm} whether that is what happened. One daemon thread serves every guard of the
 * JVM, client and server.
 *
 * <p>Arming must cost next to nothing, since every request arms it at least once: each
 * connection owns a {@link Guard} whose deadline field is set before a write and cleared after
 * it (no allocation, no queue, no lock, no wake-up of another thread). The thread looks at the
 * registered guards at least every {@link #TICK_NANOS} while any is registered, and sooner when a
 * write is armed with a bound that ends before its next look (it is then woken), so a write
 * timeout fires at most one tick late and a short one on time. An earlier version scheduled a
 * timer task per write; waking the timer thread for every request cut single-connection
 * throughput by more than half on a 2-core machine.
 */
public final class IoWatchdog {

    /**
     * Longest time between two looks while connections are registered: 50 ms, small against the
     * 60 s default write timeout and any sensible one, and only 20 wake-ups a second.
     */
    static final long TICK_NANOS = 50_000_000L;

    /** Deadline value of a guard that is not armed. */
    private static final long IDLE = 0;
    /** Deadline value of a guard whose write the watchdog ended. */
    private static final long FIRED = Long.MIN_VALUE;

    private static final Set<Guard> GUARDS = ConcurrentHashMap.newKeySet();
    private static final Thread THREAD = startThread();
    /** When the thread will look next, from System.nanoTime(); arms ending earlier wake it. */
    private static volatile long nextLookNanos;

    private static final VarHandle DEADLINE;

    static {
        try {
            DEADLINE = MethodHandles.lookup().findVarHandle(Guard.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IoWatchdog() {
    }

    private static Thread startThread() {
        Thread t = new Thread(IoWatchdog::watch, "courier-io-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The loop of the watchdog thread: one look per round, then a park until the next one. */
    private static void watch() {
        // Runs for the life of the JVM (daemon); each round is bounded by the number of guards.
        while (true) {
            long now = System.nanoTime();
            long next = now + TICK_NANOS;
            // Published before the look: an arm that reads it after the look and ends earlier
            // wakes us; an arm before it is seen by the look (both sides are volatile).
            nextLookNanos = next;
            for (Guard g : GUARDS) {
                long d = (long) DEADLINE.getVolatile(g);
                if (d == IDLE || d == FIRED) {
                    continue;
                }
                if (now - d >= 0) {
                    if (DEADLINE.compareAndSet(g, d, FIRED)) {
                        g.fire();
                    }
                } else if (d - next < 0) {
                    next = d;
                }
            }
            nextLookNanos = next;
            if (GUARDS.isEmpty()) {
                LockSupport.park(IoWatchdog.class);
            } else {
                LockSupport.parkNanos(IoWatchdog.class, Math.max(1, next - System.nanoTime()));
            }
        }
    }

    /** The I/O timer of one connection; {@link #arm} before a blocking call, {@link #disarm} after it. */
    public static final class Guard {
        private final Closeable target;
        @SuppressWarnings("unused") // accessed through DEADLINE
        private volatile long deadline;
        private boolean registered;

        /** Returns a guard that closes {@code target} when an armed call outlives its bound. */
        public Guard(Closeable target) {
            this.target = target;
        }

        /** Closes the target after {@code millis} unless disarmed first; 0 means never. Not thread-safe. */
        public void arm(int millis) {
            if (millis <= 0) {
                return;
            }
            if (!registered) {
                registered = true;
                GUARDS.add(this);
                LockSupport.unpark(THREAD);
            }
            long d = System.nanoTime() + millis * 1_000_000L;
            if (d == IDLE || d == FIRED) {
                d++;
            }
            // Re-arming during one long operation (a body sent piece by piece) must not erase a
            // firing that already happened: the next disarm has to report it.
            long current;
            do {
                current = (long) DEADLINE.getVolatile(this);
                if (current == FIRED) {
                    return;
                }
            } while (!DEADLINE.compareAndSet(this, current, d));
            if (d - nextLookNanos < 0) {
                LockSupport.unpark(THREAD);
            }
        }

        /**
         * Reads from {@code in} into {@code b} with this guard armed for {@code millis}; returns
         * the count or -1 as {@code in} does.
         *
         * @throws SocketTimeoutException when the watchdog ended the read (the target is
         *     closed), with the read's own failure, if any, as its cause
         */
        public int read(InputStream in, byte[] b, int off, int len, int millis) throws IOException {
            arm(millis);
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (disarm()) {
                    throw timedOut(millis, e);
                }
                throw e;
            }
            if (disarm()) {
                throw timedOut(millis, null);
            }
            return n;
        }

        private static SocketTimeoutException timedOut(int millis, IOException cause) {
            SocketTimeoutException e = new SocketTimeoutException("no byte within " + millis + " ms");
            e.initCause(cause);
            return e;
        }

        /** Ends the armed period; returns true when the watchdog had already fired (the target is closed). */
        public boolean disarm() {
            return (long) DEADLINE.getAndSet(this, IDLE) == FIRED;
        }

        /** Stops watching: the connection is closed. */
        public void unregister() {
            GUARDS.remove(this);
        }

        private void fire() {
            try {
                target.close();
            } catch (IOException ignored) {
                // The write in progress fails with the timeout we report; nothing else to do.
            }
        }
    }
}
