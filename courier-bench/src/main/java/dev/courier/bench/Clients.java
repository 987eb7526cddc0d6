package dev.courier.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client libraries the client benchmark compares, by the name shown in the results.
 *
 * <p>Courier's client is {@link CourierBenchClient} (a {@link BenchClient} holding one shared
 * {@code Session}), listed first, before the peers.
 *
 * <p>Names are fixed: {@value #FLOOR} is the floor every ratio is also given against, and every
 * other name except {@code "courier"} counts as a peer for "ratio to the best peer".
 */
final class Clients {

    /** The raw-socket floor: the least work a client can do for the same exchange. */
    static final String FLOOR = "raw-socket";

    private Clients() {
    }

    /** Returns a factory per client name, in the order the results list them. */
    static Map<String, Supplier<BenchClient>> all() {
        Map<String, Supplier<BenchClient>> m = new LinkedHashMap<>();
        m.put("courier", CourierBenchClient::new);
        m.put("okhttp", OkHttpBenchClient::new);
        m.put("apache-hc5", ApacheBenchClient::new);
        m.put("jdk-httpclient", JdkBenchClient::new);
        m.put(FLOOR, RawSocketBenchClient::new);
        return m;
    }
}
