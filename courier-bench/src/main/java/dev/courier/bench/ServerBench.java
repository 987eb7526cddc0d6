package dev.courier.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The server suite (issue 7): every server in {@link Servers}, each in its own JVM, under the same
 * load generator (wrk when installed, else {@link JavaLoadGenerator}) for hello-world and a 64 KiB
 * static file at each connection count. Requests/s (median of the rounds), p99 latency (median of
 * the rounds' p99) and the server process's peak RSS while measured.
 */
final class ServerBench {

    /** Pinned for every server process: a small initial heap that may grow to 256 MiB, so RSS shows what each server makes the heap grow to. */
    static final List<String> COMMON_FLAGS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseG1GC");

    private final RunMode mode;
    private final LoadGenerator load;
    /** The JDK the servers run on. */
    private final Path javaHome;
    /** Added to every scenario name, e.g. {@code ", JDK 25"}; empty for the driver's own JDK. */
    private final String scenarioSuffix;
    /** Which servers of {@link Servers#all()} to run. */
    private final Set<String> servers;

    ServerBench(RunMode mode, LoadGenerator load) {
        this(mode, load, Path.of(System.getProperty("java.home")), "", Servers.all().keySet());
    }

    /**
     * Returns the suite run on the JDK at {@code javaHome} (say a newer one, where Courier's
     * server uses virtual threads) for {@code servers} only, with {@code scenarioSuffix} after
     * each scenario name so its rows stand apart from the default JDK's.
     */
    ServerBench(RunMode mode, LoadGenerator load, Path javaHome, String scenarioSuffix, Set<String> servers) {
        this.mode = mode;
        this.load = load;
        this.javaHome = javaHome;
        this.scenarioSuffix = scenarioSuffix;
        this.servers = servers;
    }

    List<Row> run() throws Exception {
        Path dir = Files.createTempDirectory("courier-bench-static");
        Path file = dir.resolve(BenchServer.STATIC_FILE);
        byte[] content = new byte[BenchServer.STATIC_FILE_BYTES];
        new Random(42).nextBytes(content);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (Map.Entry<String, Servers.Entry> s : Servers.all().entrySet()) {
                if (!servers.contains(s.getKey())) {
                    continue;
                }
                List<String> flags = new ArrayList<>(COMMON_FLAGS);
                flags.addAll(s.getValue().jvmFlags());
                try (ChildJvm server = ChildJvm.start(javaHome, flags, ServerMain.class, s.getKey(), dir.toString())) {
                    int port = Integer.parseInt(server.awaitReady()[0]);
                    for (int connections : Concurrency.LEVELS) {
                        measure(rows, s.getKey(), server, port, BenchServer.HELLO_PATH, "hello", connections);
                        measure(rows, s.getKey(), server, port, "/" + BenchServer.STATIC_FILE, "static 64 KiB", connections);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        return rows;
    }

    private void measure(List<Row> rows, String name, ChildJvm server, int port, String path, String what,
                         int connections) throws InterruptedException {
        String scenario = what + ", " + connections + (connections == 1 ? " connection" : " connections") + scenarioSuffix;
        System.out.printf("server  %-16s %-32s ", name, scenario);
        try {
            load.run(port, path, connections, seconds(mode.warmupSeconds()));
            double[] rps = new double[mode.rounds()];
            double[] p99 = new double[mode.rounds()];
            long errors = 0;
            Rss rss = Rss.start(server.pid());
            for (int r = 0; r < mode.rounds(); r++) {
                LoadResult result = load.run(port, path, connections, seconds(mode.roundSeconds()));
                rps[r] = result.requestsPerSecond();
                p99[r] = result.p99Millis();
                errors += result.errors();
            }
            double rssMib = rss.stop();
            Stats stats = Stats.of(rps);
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put(Results.P99_MILLIS, Stats.of(p99).median());
            extras.put(Results.RSS_MIB, rssMib);
            extras.put(Results.ERRORS, (double) errors);
            rows.add(new Row("server", scenario, name, "req/s", stats, extras));
            System.out.printf("%,10.0f req/s ±%4.1f%%  p99 %7.2f ms  RSS %5.0f MiB%s%n", stats.median(),
                    stats.spread() * 50, Stats.of(p99).median(), rssMib, errors > 0 ? "  ERRORS " + errors : "");
        } catch (IOException e) {
            System.out.println("FAILED: " + e);
        }
    }

    /** Whole seconds, at least 1: wrk takes its duration in seconds. */
    private static int seconds(double s) {
        return (int) Math.max(1, Math.ceil(s));
    }
}
