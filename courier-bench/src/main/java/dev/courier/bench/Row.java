package dev.courier.bench;

import java.util.Map;

/**
 * One measured cell of the results: a library in a scenario.
 *
 * @param suite    parser, client, server or multipart
 * @param scenario what was done, e.g. "GET small, 16 threads"
 * @param library  the name from the suite's registry, e.g. "okhttp"
 * @param unit     unit of {@code stats}, e.g. "req/s"
 * @param stats    the main figure over the measured rounds (higher is better)
 * @param extras   secondary figures by name (allocation, p99, RSS, heap), each described in {@link Results}
 */
record Row(String suite, String scenario, String library, String unit, Stats stats, Map<String, Double> extras) {

    /** Returns courier, floor or peer: how the row counts when ratios are taken. */
    String role() {
        if (library.startsWith("courier")) {
            return "courier";
        }
        if (library.equals(Clients.FLOOR) || library.equals(Uploaders.FLOOR)) {
            return "floor";
        }
        return "peer";
    }
}
