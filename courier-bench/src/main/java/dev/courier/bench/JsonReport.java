package dev.courier.bench;

import dev.courier.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link Results} as the machine-readable {@code bench-results/<date>.json}. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(Results results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", results.date);
        root.put("mode", results.mode.name());
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("warmup_seconds", results.mode.warmupSeconds());
        method.put("rounds", results.mode.rounds());
        method.put("round_seconds", results.mode.roundSeconds());
        method.put("upload_rounds", results.mode.uploadRounds());
        method.put("gib_upload_rounds", results.mode.gibRounds());
        root.put("method", method);
        root.put("environment", results.environment);
        List<Object> rows = new ArrayList<>();
        for (Row r : results.rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", r.suite());
            m.put("scenario", r.scenario());
            m.put("library", r.library());
            m.put("role", r.role());
            m.put("unit", r.unit());
            m.put("median", r.stats().median());
            m.put("min", r.stats().min());
            m.put("max", r.stats().max());
            List<Double> rounds = new ArrayList<>();
            for (double v : r.stats().rounds()) {
                rounds.add(v);
            }
            m.put("rounds", rounds);
            Row best = results.bestPeer(r.suite(), r.scenario());
            Row floor = results.floor(r.suite(), r.scenario());
            m.put("ratio_to_best_peer", best == null ? null : r.stats().median() / best.stats().median());
            m.put("ratio_to_floor", floor == null ? null : r.stats().median() / floor.stats().median());
            for (Map.Entry<String, Double> e : r.extras().entrySet()) {
                m.put(e.getKey(), Double.isFinite(e.getValue()) ? e.getValue() : null);
            }
            rows.add(m);
        }
        root.put("results", rows);
        return Json.writePretty(root, 2) + "\n";
    }
}
