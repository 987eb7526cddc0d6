package dev.courier.bench;

import dev.courier.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parser benchmark's results from JMH's JSON output ({@code -rf json}) into rows:
 * ops/s over the measured iterations, and {@code gc.alloc.rate.norm} (B/op) when JMH ran with
 * {@code -prof gc}.
 */
final class JmhResults {

    private JmhResults() {
    }

    static List<Row> read(Path json) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Object o : (List<?>) Json.parse(Files.readAllBytes(json))) {
            Map<?, ?> b = (Map<?, ?>) o;
            String method = b.get("benchmark").toString();
            method = method.substring(method.lastIndexOf('.') + 1);
            String library = method.startsWith("courier") ? "courier" : method.startsWith("netty") ? "netty" : method;
            String scenario = method.endsWith("Request") ? "request head" : method.endsWith("Response")
                    ? "response head + 1 KiB body" : method;
            Map<?, ?> primary = (Map<?, ?>) b.get("primaryMetric");
            List<Double> iterations = new ArrayList<>();
            for (Object fork : (List<?>) primary.get("rawData")) {
                for (Object v : (List<?>) fork) {
                    iterations.add(((Number) v).doubleValue());
                }
            }
            double[] raw = new double[iterations.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = iterations.get(i);
            }
            Map<String, Double> extras = new LinkedHashMap<>();
            Object secondary = b.get("secondaryMetrics");
            if (secondary instanceof Map && ((Map<?, ?>) secondary).get("gc.alloc.rate.norm") instanceof Map) {
                Map<?, ?> norm = (Map<?, ?>) ((Map<?, ?>) secondary).get("gc.alloc.rate.norm");
                extras.put(Results.ALLOC_PER_OP, ((Number) norm.get("score")).doubleValue());
            }
            rows.add(new Row("parser", scenario, library, primary.get("scoreUnit").toString(), Stats.of(raw), extras));
        }
        return rows;
    }
}
