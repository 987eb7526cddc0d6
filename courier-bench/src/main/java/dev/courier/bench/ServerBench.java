package dev.courier.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The server suite (issue 7): every server in {@link Servers}, each in its own JVM, under the same
 * load generator (wrk when installed, else {@link JavaLoadGenerator}) for hello-world and a 64 KiB
 * static file at each connection count. Requests/s (median of the rounds), p99 latency (median of
 * the rounds' p99) and the server process's peak RSS while measured.
 *
 * <p>Every server's JVM is started once and stays up for the whole suite (a server whose JVM does
 * not start is reported FAILED and the others go on): an idle server only waits on its sockets,
 * and the machine's 24 GiB hold a few heaps capped at 256 MiB. Per scenario, the servers are interleaved ({@link Interleave})
 * so that the drift of the shared machine's speed falls on all of them alike: each is warmed up
 * for {@code warmupSeconds} in turn, then {@code rounds} rounds of one load-generator window per
 * server follow, round {@code r} starting at server {@code r mod n}. A server's RSS is sampled
 * only during its own windows ({@link LoadLane}); the figure is the peak over its windows of the
 * scenario. The load generator opens its connections anew for each window, as it did when a
 * server's windows ran back to back, so no settle time is added: every window of every server
 * starts the same way. The servers of a newer JDK ({@code ", JDK nn"} scenarios) are a second
 * suite run ({@link BenchMain}), interleaved among themselves.
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
        List<Running> running = new ArrayList<>();
        try {
            for (Map.Entry<String, Servers.Entry> s : Servers.all().entrySet()) {
                if (servers.contains(s.getKey())) {
                    Running r = start(s.getKey(), s.getValue(), dir);
                    if (r != null) {
                        running.add(r);
                    }
                }
            }
            if (!running.isEmpty()) {
                for (int connections : Concurrency.LEVELS) {
                    measure(rows, running, BenchServer.HELLO_PATH, "hello", connections);
                    measure(rows, running, "/" + BenchServer.STATIC_FILE, "static 64 KiB", connections);
                }
            }
        } finally {
            for (Running r : running) {
                r.jvm().close();
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        return rows;
    }

    /** A server's JVM, up for the whole suite, and the port it serves on. */
    private record Running(String name, ChildJvm jvm, int port) {
    }

    /** Returns server {@code name} started in its own JVM and ready, or null, saying why, when it did not start. */
    private Running start(String name, Servers.Entry entry, Path dir) throws IOException {
        List<String> flags = new ArrayList<>(COMMON_FLAGS);
        flags.addAll(entry.jvmFlags());
        ChildJvm jvm = ChildJvm.start(javaHome, flags, ServerMain.class, name, dir.toString());
        try {
            return new Running(name, jvm, Integer.parseInt(jvm.awaitReady()[0]));
        } catch (IOException | RuntimeException e) {
            jvm.close();
            System.out.printf("server  %-16s FAILED to start: %s%n", name, e);
            return null;
        }
    }

    /** Measures every running server in one scenario, interleaved, and adds a row per server that did not fail. */
    private void measure(List<Row> rows, List<Running> running, String path, String what, int connections)
            throws InterruptedException {
        String scenario = what + ", " + connections + (connections == 1 ? " connection" : " connections") + scenarioSuffix;
        List<LoadLane> lanes = new ArrayList<>();
        for (Running r : running) {
            lanes.add(new LoadLane(r.name(), r.port(), r.jvm().pid(), mode.rounds()));
        }
        LoadLane.measureAll(lanes, load, path, connections, mode);
        LoadLane.report(rows, lanes, "server", scenario, true);
    }
}
