package dev.courier.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver behind {@code bench/run}: runs the client, server and multipart suites, reads the JMH
 * parser results, and writes {@code <out>/<date>.json}, {@code <out>/<date>.md}, {@code <out>/<date>.svg}
 * and the results section of BENCHMARKS.md.
 *
 * <p>Arguments: {@code <quick|full> <outDir> <BENCHMARKS.md> [--jmh <jmh.json>] [--only client,server,multipart] [--note text]...}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Runs the suites named on the command line (all by default) and writes the reports. */
    public static void main(String[] args) throws Exception {
        RunMode mode = RunMode.of(args[0]);
        Path out = Path.of(args[1]);
        Path doc = Path.of(args[2]);
        Path jmh = null;
        List<String> only = List.of("client", "server", "multipart");
        List<String> notes = new ArrayList<>();
        for (int i = 3; i + 1 < args.length; i += 2) {
            if (args[i].equals("--note")) {
                notes.add(args[i + 1]);
            } else if (args[i].equals("--jmh")) {
                jmh = Path.of(args[i + 1]);
            } else if (args[i].equals("--only")) {
                only = Arrays.asList(args[i + 1].split(","));
            }
        }
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Results results = new Results(date, mode);
        LoadGenerator load = WrkLoadGenerator.find();
        if (load == null) {
            load = new JavaLoadGenerator();
        }
        results.environment.put("load_generator", load.name());
        if (!notes.isEmpty()) {
            results.environment.put("notes", String.join("; ", notes));
        }

        if (jmh != null && Files.exists(jmh)) {
            results.rows.addAll(JmhResults.read(jmh));
        }
        if (only.contains("client")) {
            results.rows.addAll(new ClientBench(mode).run());
        }
        if (only.contains("server")) {
            results.rows.addAll(new ServerBench(mode, load).run());
        }
        if (only.contains("multipart")) {
            results.rows.addAll(new UploadBench(mode).run());
        }
        results.environment.put("load_average_at_end", Results.loadAverage());

        Files.createDirectories(out);
        Files.writeString(out.resolve(date + ".json"), JsonReport.render(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(date + ".svg"), SvgChart.render(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(date + ".md"), "# Benchmark results " + date + "\n\n"
                + MarkdownReport.render(results, date + ".svg"), StandardCharsets.UTF_8);
        Path chartFromDoc = doc.toAbsolutePath().getParent().relativize(out.toAbsolutePath().resolve(date + ".svg"));
        BenchmarksDoc.update(doc, MarkdownReport.render(results, chartFromDoc.toString().replace('\\', '/')));
        System.out.println("wrote " + List.of(date + ".json", date + ".md", date + ".svg") + " in " + out
                + " and updated " + doc);
    }
}
