package dev.courier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, with the facts needed to repeat it: date, mode, machine, JDK and
 * JVM flags. The names of the secondary figures in {@link Row#extras()} are the constants here.
 */
final class Results {

    /** Bytes allocated per request by all client threads (see {@link AllocationMeter}). */
    static final String ALLOC_PER_REQUEST = "alloc_bytes_per_request";
    /** Bytes allocated per JMH operation ({@code gc.alloc.rate.norm}). */
    static final String ALLOC_PER_OP = "alloc_bytes_per_op";
    /** Median over the rounds of each round's 99th-percentile latency, in milliseconds. */
    static final String P99_MILLIS = "p99_ms";
    /** Peak VmRSS of the server process while measured, in MiB. */
    static final String RSS_MIB = "rss_mib";
    /** Failed requests or non-200 answers seen by the load generator over all rounds. */
    static final String ERRORS = "errors";
    /** Peak used heap during the uploads of one size minus used heap after GC before them, in MiB. */
    static final String HEAP_GROWTH_MIB = "heap_growth_mib";

    final String date;
    final RunMode mode;
    final Map<String, String> environment = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();

    Results(String date, RunMode mode) {
        this.date = date;
        this.mode = mode;
        environment.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        environment.put("vm", System.getProperty("java.vm.name"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        environment.put("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible");
        environment.put("memory", memory());
        environment.put("driver_jvm_flags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        environment.put("server_jvm_flags", String.join(" ", ServerBench.COMMON_FLAGS));
        environment.put("uploader_jvm_flags", "-Xms" + UploadBench.HEAP + " -Xmx" + UploadBench.HEAP
                + " -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError");
        environment.put("load_average_at_start", loadAverage());
    }

    /** Returns the 1, 5 and 15 minute load averages, which show how busy the shared machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib / 1024 / 1024) + " GiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    /** Returns the rows of one suite and scenario, in the order measured. */
    List<Row> scenario(String suite, String scenario) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.suite().equals(suite) && r.scenario().equals(scenario)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Returns the distinct (suite, scenario) pairs as "suite\u0000scenario", in the order measured. */
    List<String[]> scenarios() {
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            boolean seen = false;
            for (String[] s : out) {
                seen |= s[0].equals(r.suite()) && s[1].equals(r.scenario());
            }
            if (!seen) {
                out.add(new String[] {r.suite(), r.scenario()});
            }
        }
        return out;
    }

    /** Returns the row of {@code library} in a scenario, or null. */
    Row find(String suite, String scenario, String library) {
        for (Row r : scenario(suite, scenario)) {
            if (r.library().equals(library)) {
                return r;
            }
        }
        return null;
    }

    /** Returns the peer row with the highest median in a scenario, or null when there is none. */
    Row bestPeer(String suite, String scenario) {
        Row best = null;
        for (Row r : scenario(suite, scenario)) {
            if (r.role().equals("peer") && (best == null || r.stats().median() > best.stats().median())) {
                best = r;
            }
        }
        return best;
    }

    /** Returns the floor row of a scenario, or null. */
    Row floor(String suite, String scenario) {
        for (Row r : scenario(suite, scenario)) {
            if (r.role().equals("floor")) {
                return r;
            }
        }
        return null;
    }
}
