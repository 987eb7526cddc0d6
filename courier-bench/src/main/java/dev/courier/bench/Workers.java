package dev.courier.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N threads calling one operation in a loop until stopped, each counting its completed calls.
 *
 * <p>Lifecycle: {@link #start}, then {@link #completed} read at window boundaries, then
 * {@link #stop}, which rethrows the first failure of any thread so that a broken client never
 * reports a number.
 */
final class Workers {

    /** One call of the operation under test. */
    interface Op {
        void run() throws Exception;
    }

    /** Counters are 16 longs apart so that threads do not share a cache line. */
    private static final int STRIDE = 16;

    private final Thread[] threads;
    private final AtomicLongArray counts;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private Workers(int n, Op op) {
        threads = new Thread[n];
        counts = new AtomicLongArray(n * STRIDE);
        for (int i = 0; i < n; i++) {
            int slot = i * STRIDE;
            threads[i] = new Thread(() -> loop(op, slot), "bench-worker-" + i);
            threads[i].setDaemon(true);
        }
    }

    static Workers start(int n, Op op) {
        Workers w = new Workers(n, op);
        for (Thread t : w.threads) {
            t.start();
        }
        return w;
    }

    private void loop(Op op, int slot) {
        try {
            while (running) {
                op.run();
                counts.lazySet(slot, counts.get(slot) + 1);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            running = false;
        }
    }

    /** Returns the calls completed so far by all threads together. */
    long completed() {
        long sum = 0;
        for (int i = 0; i < threads.length; i++) {
            sum += counts.get(i * STRIDE);
        }
        return sum;
    }

    /** Returns the first failure so far, or null. */
    Throwable failure() {
        return failure.get();
    }

    /**
     * Stops the loop and waits for each thread to finish its call in flight.
     *
     * @throws IllegalStateException wrapping the first failure of any thread
     */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("a worker failed: " + t, t);
        }
    }
}
