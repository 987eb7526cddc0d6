package dev.courier.bench;

import java.util.Map;

/**
 * Renders {@link Results} as Markdown: the run's facts, the chart, the targets, then one table per
 * suite with absolute numbers, their spread, and ratios to the best peer and to the floor. Used both
 * for {@code bench-results/<date>.md} and for the results section of BENCHMARKS.md.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Returns the Markdown; {@code chartPath} is the chart's path relative to the file it goes in. */
    static String render(Results r, String chartPath) {
        StringBuilder sb = new StringBuilder();
        sb.append("Run of ").append(r.date).append(", mode `").append(r.mode.name()).append("`: warm-up ")
                .append(r.mode.warmupSeconds()).append(" s, then ").append(r.mode.rounds()).append(" rounds of ")
                .append(r.mode.roundSeconds()).append(" s per client scenario (server and pages rounds rounded up to whole seconds for wrk), ")
                .append("the libraries of a scenario interleaved round by round, the first rotated; ")
                .append("uploads: ").append(r.mode.uploadRounds()).append(" rounds of ≥ 0.5 s per size, ")
                .append(r.mode.gibRounds()).append(" for 1 GiB. Median of the rounds; spread = ±(max − min) / 2 / median.\n\n");
        sb.append("| fact | value |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : r.environment.entrySet()) {
            sb.append("| ").append(e.getKey().replace('_', ' ')).append(" | `").append(e.getValue()).append("` |\n");
        }
        sb.append("\n![requests/s per library per scenario](").append(chartPath).append(")\n\n");

        sb.append("#### Targets\n\n| issue | target | scenario | measured | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Targets.Line l : Targets.evaluate(r)) {
            sb.append("| ").append(l.issue()).append(" | ").append(l.target()).append(" | ").append(l.scenario())
                    .append(" | ").append(l.measured()).append(" | ").append(l.verdict()).append(" |\n");
        }
        table(sb, r, "parser", "Parser (JMH, `HeadParseBenchmark`)", Results.ALLOC_PER_OP, "B/op", null, null);
        table(sb, r, "client", "Client (loopback server in its own JVM)", Results.ALLOC_PER_REQUEST, "B/request", null, null);
        table(sb, r, "server", "Server (each in its own JVM; load: " + r.environment.getOrDefault("load_generator", "?") + ")",
                Results.P99_MILLIS, "p99 ms", Results.RSS_MIB, "peak RSS MiB");
        table(sb, r, "multipart", "Multipart upload (each uploader in its own JVM, -Xmx" + UploadBench.HEAP + ")",
                Results.HEAP_GROWTH_MIB, "heap growth MiB", null, null);
        table(sb, r, "pages", "Pages (Courier + Pebble in its own JVM vs Flask + Jinja2 on gunicorn; load: "
                + r.environment.getOrDefault("load_generator", "?") + ")", Results.P99_MILLIS, "p99 ms", null, null);
        return sb.toString();
    }

    private static void table(StringBuilder sb, Results r, String suite, String title, String extra1, String label1,
                              String extra2, String label2) {
        if (r.scenarios().stream().noneMatch(s -> s[0].equals(suite))) {
            sb.append("\n#### ").append(title).append("\n\nNot run.\n");
            return;
        }
        sb.append("\n#### ").append(title).append("\n\n| scenario | library | median | spread | × best peer | × floor | ")
                .append(label1).append(label2 == null ? "" : " | " + label2).append(" |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---:").append(label2 == null ? "" : " | ---:").append(" |\n");
        for (String[] s : r.scenarios()) {
            if (!s[0].equals(suite)) {
                continue;
            }
            Row best = r.bestPeer(suite, s[1]);
            Row floor = r.floor(suite, s[1]);
            for (Row row : r.scenario(suite, s[1])) {
                double m = row.stats().median();
                sb.append("| ").append(s[1]).append(" | ").append(row.role().equals("courier") ? "**" + row.library() + "**"
                        : row.library()).append(" | ").append(String.format("%,.0f %s", m, row.unit()))
                        .append(String.format(" | ±%.1f %%", row.stats().spread() * 50))
                        .append(" | ").append(best == null ? "–" : String.format("%.2f", m / best.stats().median()))
                        .append(" | ").append(floor == null ? "–" : String.format("%.2f", m / floor.stats().median()))
                        .append(" | ").append(number(row.extras().get(extra1)));
                if (extra2 != null) {
                    sb.append(" | ").append(number(row.extras().get(extra2)));
                }
                sb.append(" |\n");
            }
        }
    }

    private static String number(Double v) {
        if (v == null || !Double.isFinite(v) || v < 0) {
            return "–";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }
}
