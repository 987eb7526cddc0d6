package dev.courier.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client suite (issue 4): every client in {@link Clients} against the {@link LoopbackServer},
 * small GETs at each concurrency level and a 10 MiB download, requests/s (MiB/s for the download)
 * and bytes allocated per request.
 *
 * <p>Per scenario: a fresh client, one checked request, {@code warmupSeconds} unmeasured, then
 * {@code rounds} fixed windows. Each window's rate is completed requests over its exact length;
 * allocation per request is the bytes {@link AllocationMeter} saw in the window over its requests.
 */
final class ClientBench {

    /** The loopback server allocates nothing per request; a small heap keeps its RSS out of the way. */
    private static final List<String> SERVER_FLAGS = List.of("-Xms64m", "-Xmx64m", "-XX:+UseSerialGC");

    private final RunMode mode;
    private final AllocationMeter meter = new AllocationMeter();

    ClientBench(RunMode mode) {
        this.mode = mode;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (ChildJvm server = ChildJvm.start(SERVER_FLAGS, LoopbackServer.class)) {
            String[] ports = server.awaitReady();
            String small = "http://127.0.0.1:" + ports[0] + "/small";
            String large = "http://127.0.0.1:" + ports[1] + "/large";
            for (Map.Entry<String, Supplier<BenchClient>> c : Clients.all().entrySet()) {
                for (int threads : Concurrency.LEVELS) {
                    String scenario = "GET small, " + threads + (threads == 1 ? " thread" : " threads");
                    measure(rows, c.getKey(), c.getValue(), small, LoopbackServer.SMALL_BODY.length, threads, scenario);
                }
                measure(rows, c.getKey(), c.getValue(), large, LoopbackServer.LARGE_BODY_BYTES, 1, "GET 10 MiB, 1 thread");
            }
        }
        return rows;
    }

    private void measure(List<Row> rows, String name, Supplier<BenchClient> factory, String url,
                         long expectedBytes, int threads, String scenario) throws Exception {
        System.out.printf("client  %-16s %-24s ", name, scenario);
        try (BenchClient client = factory.get()) {
            client.prepare(url);
            check(client.get(), expectedBytes);
            Workers workers = Workers.start(threads, () -> check(client.get(), expectedBytes));
            try {
                sleep(mode.warmupSeconds(), workers);
                double[] rates = new double[mode.rounds()];
                double[] alloc = new double[mode.rounds()];
                for (int r = 0; r < mode.rounds(); r++) {
                    Map<Long, Long> a0 = meter.snapshot();
                    long n0 = workers.completed();
                    long t0 = System.nanoTime();
                    sleep(mode.roundSeconds(), workers);
                    long n1 = workers.completed();
                    long t1 = System.nanoTime();
                    Map<Long, Long> a1 = meter.snapshot();
                    long n = Math.max(1, n1 - n0);
                    rates[r] = n / ((t1 - t0) / 1e9);
                    alloc[r] = (double) AllocationMeter.between(a0, a1) / n;
                }
                boolean download = expectedBytes > LoopbackServer.SMALL_BODY.length;
                if (download) {
                    for (int r = 0; r < rates.length; r++) {
                        rates[r] = rates[r] * expectedBytes / (1024.0 * 1024.0);
                    }
                }
                Stats stats = Stats.of(rates);
                Map<String, Double> extras = new LinkedHashMap<>();
                extras.put(Results.ALLOC_PER_REQUEST, Stats.of(alloc).median());
                rows.add(new Row("client", scenario, name, download ? "MiB/s" : "req/s", stats, extras));
                System.out.printf("%,12.0f %s  ±%4.1f%%  %,10.0f B/req%n", stats.median(), download ? "MiB/s" : "req/s",
                        stats.spread() * 50, Stats.of(alloc).median());
            } finally {
                workers.stop();
            }
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
        }
    }

    private static void check(long bytes, long expected) throws java.io.IOException {
        if (bytes != expected) {
            throw new java.io.IOException("read " + bytes + " body bytes, expected " + expected);
        }
    }

    /** Sleeps {@code seconds}, returning early (to fail fast) if a worker failed. */
    static void sleep(double seconds, Workers workers) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && workers.failure() == null) {
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
    }
}
