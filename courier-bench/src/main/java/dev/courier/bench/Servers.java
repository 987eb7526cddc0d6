package dev.courier.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server libraries the server benchmark compares, by the name shown in the results, each with
 * the JVM flags its process gets on top of {@link ServerBench#COMMON_FLAGS}.
 *
 * <p>Courier's server is {@link CourierBenchServer} (a router answering
 * {@link BenchServer#HELLO_PATH} and serving the static directory with {@code StaticFiles}),
 * listed first, before the peers.
 */
final class Servers {

    /**
     * A server and its extra JVM flags.
     *
     * @param jvmFlags flags this server needs to be measured fairly (documented in BENCHMARKS.md)
     * @param factory  starts it
     */
    record Entry(List<String> jvmFlags, BenchServer.Factory factory) {
    }

    private Servers() {
    }

    /** Returns every server by name, in the order the results list them. */
    static Map<String, Entry> all() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("courier", new Entry(List.of(), CourierBenchServer::start));
        m.put("jetty-12", new Entry(List.of(), JettyBenchServer::start));
        // Without nodelay the JDK server waits for Nagle's delayed ACK: about 40 ms per response on
        // Linux, which would measure the TCP stack, not the server.
        m.put("jdk-httpserver", new Entry(List.of("-Dsun.net.httpserver.nodelay=true"), JdkBenchServer::start));
        return m;
    }
}
