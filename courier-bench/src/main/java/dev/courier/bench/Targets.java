package dev.courier.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Each issue's target ratio beside the measured one, met or not. A target whose Courier side has
 * not landed yet says so instead of guessing; once a {@code "courier"} entry is registered (see
 * {@link Clients}, {@link Servers}, {@link Uploaders}) the same code measures it.
 */
final class Targets {

    /**
     * One line of the targets table.
     *
     * @param issue    the issue that set the target
     * @param target   the target as the issue words it
     * @param scenario where it was checked
     * @param measured the measured ratio or value, or why there is none
     * @param verdict  met, NOT met, or not measured
     */
    record Line(String issue, String target, String scenario, String measured, String verdict) {
    }

    private Targets() {
    }

    static List<Line> evaluate(Results r) {
        List<Line> lines = new ArrayList<>();
        if (considered(r, "parser")) {
            for (String scenario : List.of("request head", "response head + 1 KiB body")) {
                ratio(lines, r, "#3 codec", "≥ 1.5× Netty ops/s", "parser", scenario, "courier", "netty", 1.5, true, null);
                alloc(lines, r, "#3 codec", "≤ ½ Netty's B/op", "parser", scenario, "courier", "netty", Results.ALLOC_PER_OP);
            }
        }
        if (considered(r, "client")) {
            for (String scenario : List.of("GET small, 1 thread", "GET small, 4 threads", "GET 10 MiB, 1 thread")) {
                String missing = "Courier's client has not landed";
                ratio(lines, r, "#4 client", "≥ 1.3× OkHttp", "client", scenario, "courier", "okhttp", 1.3, true, missing);
                ratio(lines, r, "#4 client", "≥ 90 % of the raw floor", "client", scenario, "courier", Clients.FLOOR, 0.9,
                        true, missing);
                if (!scenario.contains("10 MiB")) {
                    alloc(lines, r, "#4 client", "≤ ½ OkHttp's B/request", "client", scenario, "courier", "okhttp",
                            Results.ALLOC_PER_REQUEST);
                }
            }
        }
        if (considered(r, "multipart")) {
            String upload = "upload 1 GiB";
            // Courier's client is the target's subject; the encoder alone is kept beside it.
            for (String uploader : List.of("courier", Uploaders.COURIER_ENCODER)) {
                String who = uploader.equals("courier") ? "client" : "encoder only";
                ratio(lines, r, "#5 multipart", "≥ 1.5× OkHttp MiB/s (" + who + ")", "multipart", upload, uploader, "okhttp",
                        1.5, true, null);
                Row row = r.find("multipart", upload, uploader);
                if (row != null) {
                    double growth = row.extras().get(Results.HEAP_GROWTH_MIB);
                    lines.add(new Line("#5 multipart", "heap growth < 16 MiB", upload + ", " + uploader,
                            String.format("%.1f MiB", growth), growth < 16 ? "met" : "**NOT met**"));
                }
            }
        }
        if (considered(r, "server")) {
            String newer = r.environment.get("newer_jdk");
            for (String jdk : newer == null ? List.of("") : List.of("", ", JDK " + newer)) {
                for (String what : List.of("hello", "static 64 KiB")) {
                    for (int c : Concurrency.LEVELS) {
                        String scenario = what + ", " + c + (c == 1 ? " connection" : " connections") + jdk;
                        ratio(lines, r, "#7 server", "≥ Jetty 12 req/s", "server", scenario, "courier", "jetty-12", 1.0, true,
                                "Courier's server has not landed");
                    }
                }
            }
        }
        if (considered(r, "pages")) {
            for (int c : PagesBench.CONNECTIONS) {
                String scenario = "page, " + c + " connections";
                // Without Courier's row the suite did not run; without Flask's, the facts say why.
                String missing = r.find("pages", scenario, "courier") == null ? null
                        : "Flask not measured (see \"pages flask\" in the facts)";
                ratio(lines, r, "pages", "≥ 5× Flask req/s", "pages", scenario, "courier", PagesBench.FLASK, 5.0, true,
                        missing);
                lowerP99(lines, r, "pages", "lower p99 than Flask", "pages", scenario, "courier", PagesBench.FLASK, missing);
            }
        }
        return lines;
    }

    /** Returns whether {@code suite} was asked for: every suite in a whole run, the named ones otherwise. */
    private static boolean considered(Results r, String suite) {
        String only = r.environment.get("suites");
        return only == null || List.of(only.split(", ")).contains(suite);
    }

    private static void lowerP99(List<Line> lines, Results r, String issue, String target, String suite, String scenario,
                                 String ours, String theirs, String missing) {
        Row a = r.find(suite, scenario, ours);
        Row b = r.find(suite, scenario, theirs);
        if (a == null || b == null) {
            lines.add(new Line(issue, target, scenario, missing != null ? missing : "not measured", "not measured"));
            return;
        }
        double ours99 = a.extras().get(Results.P99_MILLIS);
        double theirs99 = b.extras().get(Results.P99_MILLIS);
        lines.add(new Line(issue, target, scenario, String.format("%.2f× (%.2f vs %.2f ms)", ours99 / theirs99, ours99,
                theirs99), ours99 < theirs99 ? "met" : "**NOT met**"));
    }

    private static void ratio(List<Line> lines, Results r, String issue, String target, String suite, String scenario,
                              String ours, String theirs, double bar, boolean higherIsBetter, String missing) {
        Row a = r.find(suite, scenario, ours);
        Row b = r.find(suite, scenario, theirs);
        if (a == null || b == null) {
            lines.add(new Line(issue, target, scenario, missing != null ? missing : "not measured", "not measured"));
            return;
        }
        double ratio = a.stats().median() / b.stats().median();
        boolean met = higherIsBetter ? ratio >= bar : ratio <= bar;
        lines.add(new Line(issue, target, scenario, String.format("%.2f×", ratio), met ? "met" : "**NOT met**"));
    }

    private static void alloc(List<Line> lines, Results r, String issue, String target, String suite, String scenario,
                              String ours, String theirs, String key) {
        Row a = r.find(suite, scenario, ours);
        Row b = r.find(suite, scenario, theirs);
        if (a == null || b == null || a.extras().get(key) == null || b.extras().get(key) == null) {
            lines.add(new Line(issue, target, scenario, a == null && !suite.equals("parser")
                    ? "Courier's client has not landed" : "not measured", "not measured"));
            return;
        }
        double ratio = a.extras().get(key) / b.extras().get(key);
        lines.add(new Line(issue, target, scenario, String.format("%.2f× (%.0f vs %.0f B)", ratio, a.extras().get(key),
                b.extras().get(key)), ratio <= 0.5 ? "met" : "**NOT met**"));
    }
}
