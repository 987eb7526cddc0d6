package dev.courier.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One client library in one scenario of the client suite: its client, the windows measured so far,
 * and the failure that ended it, if any.
 *
 * <p>Lifecycle: {@link #open} creates a fresh client and sends one checked request;
 * {@link #warmUp} runs it unmeasured; {@link #window} measures one window, once per round, in the
 * order {@link Interleave} gives; {@link #close} closes the client. Each call starts the lane's
 * worker threads and stops them before it returns, so that no thread calls this client while
 * another library is measured; the client and its pooled connections stay open between calls.
 * A failure at any step is kept ({@link #failure}) and turns every later step but {@link #close}
 * into a no-op, so one broken library does not stop the others.
 */
final class ClientLane {

    /**
     * Unmeasured start of every window. The window's worker threads are new: their first calls make
     * their thread-local read buffers (and the floor's sockets are claimed anew), which is not the
     * per-request cost. A fifth of a second covers those first calls and is small beside a window.
     */
    static final double SETTLE_SECONDS = 0.2;

    private final String name;
    private final Supplier<BenchClient> factory;
    private final String url;
    private final long expectedBytes;
    private final int threads;
    private final double[] rates;
    private final double[] alloc;
    private BenchClient client;
    private Exception failure;

    /** Returns a lane for client {@code name}, GET {@code url} answering {@code expectedBytes}, on {@code threads} threads. */
    ClientLane(String name, Supplier<BenchClient> factory, String url, long expectedBytes, int threads, int rounds) {
        this.name = name;
        this.factory = factory;
        this.url = url;
        this.expectedBytes = expectedBytes;
        this.threads = threads;
        this.rates = new double[rounds];
        this.alloc = new double[rounds];
    }

    /** Creates the client, prepares it and checks one response's body length. */
    void open() {
        try {
            client = factory.get();
            client.prepare(url);
            check(client.get(), expectedBytes);
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Runs the client unmeasured for {@code seconds} on the lane's threads, so the JIT compiles its hot path. */
    void warmUp(double seconds) throws InterruptedException {
        if (failure != null) {
            return;
        }
        Workers workers = startWorkers();
        try {
            sleep(seconds, workers);
        } finally {
            stop(workers);
        }
    }

    /**
     * Measures round {@code round}: starts the workers, lets them settle for
     * {@value #SETTLE_SECONDS} s, then counts completed requests and the bytes {@code meter} sees
     * allocated over {@code seconds}.
     */
    void window(int round, double seconds, AllocationMeter meter) throws InterruptedException {
        if (failure != null) {
            return;
        }
        Workers workers = startWorkers();
        try {
            sleep(SETTLE_SECONDS, workers);
            Map<Long, Long> a0 = meter.snapshot();
            long n0 = workers.completed();
            long t0 = System.nanoTime();
            sleep(seconds, workers);
            long n1 = workers.completed();
            long t1 = System.nanoTime();
            Map<Long, Long> a1 = meter.snapshot();
            long n = Math.max(1, n1 - n0);
            rates[round] = n / ((t1 - t0) / 1e9);
            alloc[round] = (double) AllocationMeter.between(a0, a1) / n;
        } finally {
            stop(workers);
        }
    }

    /** Returns what ended the lane, or null when every step succeeded. */
    Exception failure() {
        return failure;
    }

    /** Returns the row of this lane in {@code scenario}; only for a lane without {@link #failure}. */
    Row row(String scenario) {
        boolean download = download();
        double[] figures = rates.clone();
        if (download) {
            for (int r = 0; r < figures.length; r++) {
                figures[r] = figures[r] * expectedBytes / (1024.0 * 1024.0);
            }
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put(Results.ALLOC_PER_REQUEST, Stats.of(alloc).median());
        return new Row("client", scenario, name, download ? "MiB/s" : "req/s", Stats.of(figures), extras);
    }

    /** Returns the console line of this lane in {@code scenario}: its figures, or FAILED and why. */
    String line(String scenario) {
        String head = String.format("client  %-16s %-24s ", name, scenario);
        if (failure != null) {
            return head + "FAILED: " + failure;
        }
        Row row = row(scenario);
        return head + String.format("%,12.0f %s  ±%4.1f%%  %,10.0f B/req", row.stats().median(), row.unit(),
                row.stats().spread() * 50, row.extras().get(Results.ALLOC_PER_REQUEST));
    }

    /** Closes the client (its connections and threads), if one was created. */
    void close() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Returns the library's name in the results. */
    String name() {
        return name;
    }

    private boolean download() {
        return expectedBytes > LoopbackServer.SMALL_BODY.length;
    }

    private Workers startWorkers() {
        BenchClient c = client;
        long expected = expectedBytes;
        return Workers.start(threads, () -> check(c.get(), expected));
    }

    /** Stops {@code workers}; a worker's failure becomes the lane's. */
    private void stop(Workers workers) throws InterruptedException {
        try {
            workers.stop();
        } catch (IllegalStateException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    private static void check(long bytes, long expected) throws IOException {
        if (bytes != expected) {
            throw new IOException("read " + bytes + " body bytes, expected " + expected);
        }
    }

    /** Sleeps {@code seconds}, returning early (to fail fast) if a worker failed. */
    private static void sleep(double seconds, Workers workers) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && workers.failure() == null) {
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
    }
}
