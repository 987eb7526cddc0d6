package dev.courier.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server in one scenario of the server or pages suite: the load generator's windows against
 * it so far, its peak RSS over those windows, and the failure that ended it, if any.
 *
 * <p>Lifecycle: {@link #warmUp} runs the load unmeasured; {@link #window} measures one window,
 * once per round, in the order {@link Interleave} gives. The load generator runs only inside these
 * calls, so a server is idle (its process still up) while another is measured. A failure is kept
 * ({@link #failure}) and turns later calls into no-ops, so one broken server does not stop the
 * others.
 */
final class LoadLane {

    private final String name;
    private final int port;
    /** The server's process id, whose RSS is sampled during each window; negative for none. */
    private final long pid;
    private final double[] rps;
    private final double[] p99;
    private long errors;
    private double rssMib = -1;
    private IOException failure;

    /** Returns a lane for server {@code name} on {@code port}, sampling the RSS of {@code pid} unless it is negative. */
    LoadLane(String name, int port, long pid, int rounds) {
        this.name = name;
        this.port = port;
        this.pid = pid;
        this.rps = new double[rounds];
        this.p99 = new double[rounds];
    }

    /** Runs GET {@code path} over {@code connections} connections for {@code seconds}, unmeasured. */
    void warmUp(LoadGenerator load, String path, int connections, int seconds) throws InterruptedException {
        if (failure != null) {
            return;
        }
        try {
            load.run(port, path, connections, seconds);
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Measures round {@code round}: GET {@code path} over {@code connections} connections for
     * {@code seconds}, sampling the server's RSS from just before the load starts until it ends.
     */
    void window(int round, LoadGenerator load, String path, int connections, int seconds) throws InterruptedException {
        if (failure != null) {
            return;
        }
        Rss rss = pid < 0 ? null : Rss.start(pid);
        try {
            LoadResult result = load.run(port, path, connections, seconds);
            rps[round] = result.requestsPerSecond();
            p99[round] = result.p99Millis();
            errors += result.errors();
        } catch (IOException e) {
            failure = e;
        } finally {
            if (rss != null) {
                rssMib = Math.max(rssMib, rss.stop());
            }
        }
    }

    /** Returns what ended the lane, or null when every window was measured. */
    IOException failure() {
        return failure;
    }

    /** Returns the server's name in the results. */
    String name() {
        return name;
    }

    /** Returns requests/s over the rounds; only for a lane without {@link #failure}. */
    Stats stats() {
        return Stats.of(rps);
    }

    /** Returns the median of the rounds' p99 latency in milliseconds. */
    double p99Millis() {
        return Stats.of(p99).median();
    }

    /** Returns the failed requests and non-200 answers over all rounds. */
    long errors() {
        return errors;
    }

    /** Returns the largest VmRSS seen during the windows in MiB, or -1 when not sampled or unreadable. */
    double rssMib() {
        return rssMib;
    }

    /** Returns the p99 and error figures of {@link Row#extras()}, plus the RSS when it was sampled. */
    Map<String, Double> extras() {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put(Results.P99_MILLIS, p99Millis());
        if (pid >= 0) {
            extras.put(Results.RSS_MIB, rssMib);
        }
        extras.put(Results.ERRORS, (double) errors);
        return extras;
    }

    /**
     * Warms every lane up in turn, then runs the mode's rounds as interleaved windows
     * ({@link Interleave}); durations are the mode's, in whole seconds.
     */
    static void measureAll(List<LoadLane> lanes, LoadGenerator load, String path, int connections, RunMode mode)
            throws InterruptedException {
        int warmup = wholeSeconds(mode.warmupSeconds());
        int window = wholeSeconds(mode.roundSeconds());
        for (LoadLane lane : lanes) {
            lane.warmUp(load, path, connections, warmup);
        }
        Interleave.rounds(mode.rounds(), lanes.size(),
                (round, lane) -> lanes.get(lane).window(round, load, path, connections, window));
    }

    /**
     * Prints one line per lane of {@code scenario} for {@code suite} ("server", "pages") and adds
     * a row per lane that did not fail; {@code withRss} adds the server's peak RSS to the line.
     */
    static void report(List<Row> rows, List<LoadLane> lanes, String suite, String scenario, boolean withRss) {
        for (LoadLane lane : lanes) {
            System.out.printf("%-7s %-16s %-32s ", suite, lane.name(), scenario);
            if (lane.failure() != null) {
                System.out.println("FAILED: " + lane.failure());
                continue;
            }
            Stats stats = lane.stats();
            rows.add(new Row(suite, scenario, lane.name(), "req/s", stats, lane.extras()));
            System.out.printf("%,10.0f req/s ±%4.1f%%  p99 %7.2f ms%s%s%n", stats.median(), stats.spread() * 50,
                    lane.p99Millis(), withRss ? String.format("  RSS %5.0f MiB", lane.rssMib()) : "",
                    lane.errors() > 0 ? "  ERRORS " + lane.errors() : "");
        }
    }

    /** Whole seconds, at least 1: wrk takes its duration in seconds. */
    private static int wholeSeconds(double s) {
        return (int) Math.max(1, Math.ceil(s));
    }
}
