package dev.courier.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client suite (issue 4): every client in {@link Clients} against the {@link LoopbackServer},
 * small GETs at each concurrency level and a 10 MiB download, requests/s (MiB/s for the download)
 * and bytes allocated per request.
 *
 * <p>Scenario by scenario, the libraries interleaved ({@link Interleave}) so that the drift of the
 * shared machine's speed falls on all of them alike. Per scenario: a fresh client per library with
 * one checked request; each warmed up for {@code warmupSeconds} in turn; then {@code rounds}
 * rounds of one window per library, round {@code r} starting at library {@code r mod n}. Each
 * window starts the library's worker threads, lets them settle for
 * {@value ClientLane#SETTLE_SECONDS} s unmeasured, measures {@code roundSeconds}, and stops them,
 * so that only one library runs at a time; the clients and their pooled connections stay open
 * until the scenario ends. A window's rate is completed requests over its exact length;
 * allocation per request is the bytes {@link AllocationMeter} saw in the window over its
 * requests. A library that fails is reported FAILED and left out of the later windows; the others
 * go on.
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
            for (int threads : Concurrency.LEVELS) {
                String scenario = "GET small, " + threads + (threads == 1 ? " thread" : " threads");
                measure(rows, small, LoopbackServer.SMALL_BODY.length, threads, scenario);
            }
            measure(rows, large, LoopbackServer.LARGE_BODY_BYTES, 1, "GET 10 MiB, 1 thread");
        }
        return rows;
    }

    /** Measures every client in one scenario, interleaved, and adds a row per client that did not fail. */
    private void measure(List<Row> rows, String url, long expectedBytes, int threads, String scenario)
            throws InterruptedException {
        List<ClientLane> lanes = new ArrayList<>();
        for (Map.Entry<String, Supplier<BenchClient>> c : Clients.all().entrySet()) {
            lanes.add(new ClientLane(c.getKey(), c.getValue(), url, expectedBytes, threads, mode.rounds()));
        }
        try {
            for (ClientLane lane : lanes) {
                lane.open();
            }
            for (ClientLane lane : lanes) {
                lane.warmUp(mode.warmupSeconds());
            }
            Interleave.rounds(mode.rounds(), lanes.size(),
                    (round, lane) -> lanes.get(lane).window(round, mode.roundSeconds(), meter));
            for (ClientLane lane : lanes) {
                System.out.println(lane.line(scenario));
                if (lane.failure() == null) {
                    rows.add(lane.row(scenario));
                }
            }
        } finally {
            for (ClientLane lane : lanes) {
                try {
                    lane.close();
                } catch (IOException | RuntimeException e) {
                    System.out.printf("client  %-16s %-24s close failed: %s%n", lane.name(), scenario, e);
                }
            }
        }
    }
}
