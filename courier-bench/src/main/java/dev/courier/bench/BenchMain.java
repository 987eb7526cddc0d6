package dev.courier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The driver behind {@code bench/run}: runs the client, server, multipart and pages suites, reads
 * the JMH parser results, and writes {@code <out>/<date>.json}, {@code <out>/<date>.md},
 * {@code <out>/<date>.svg} and the results section of BENCHMARKS.md.
 *
 * <p>Arguments: {@code <quick|full> <outDir> <BENCHMARKS.md> [--jmh <jmh.json>]
 * [--only parser,client,server,multipart,pages] [--note text]...}. A run of only some suites writes
 * {@code <out>/<date>-<suites>.*} and leaves BENCHMARKS.md alone, so that its results section
 * always shows one whole run. A pages suite whose two pages differ in substance fails the run
 * (exit status 1) after the files are written, without touching BENCHMARKS.md.
 */
public final class BenchMain {

    /** Every suite, in the order they run; {@code parser} is JMH's, run by bench/run and read here. */
    static final List<String> SUITES = List.of("parser", "client", "server", "multipart", "pages");

    private BenchMain() {
    }

    /** Returns the JAVA_VERSION of the JDK at {@code home} from its {@code release} file, e.g. "25.0.3". */
    static String jdkVersion(Path home) throws IOException {
        for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
            }
        }
        throw new IOException("no JAVA_VERSION in " + home.resolve("release"));
    }

    /** Runs the suites named on the command line (all by default) and writes the reports. */
    public static void main(String[] args) throws Exception {
        RunMode mode = RunMode.of(args[0]);
        Path out = Path.of(args[1]);
        Path doc = Path.of(args[2]);
        Path jmh = null;
        Path newerJdk = null;
        List<String> only = SUITES;
        List<String> notes = new ArrayList<>();
        for (int i = 3; i + 1 < args.length; i += 2) {
            if (args[i].equals("--note")) {
                notes.add(args[i + 1]);
            } else if (args[i].equals("--jmh")) {
                jmh = Path.of(args[i + 1]);
            } else if (args[i].equals("--newer-jdk")) {
                newerJdk = Path.of(args[i + 1]);
            } else if (args[i].equals("--only")) {
                only = Arrays.asList(args[i + 1].split(","));
                for (String suite : only) {
                    if (!SUITES.contains(suite)) {
                        throw new IllegalArgumentException("--only: no suite named \"" + suite + "\"; the suites are "
                                + String.join(",", SUITES));
                    }
                }
            }
        }
        boolean whole = only.containsAll(SUITES);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String stem = whole ? date : date + "-" + String.join("-", only);
        Results results = new Results(date, mode);
        LoadGenerator load = WrkLoadGenerator.find();
        if (load == null) {
            load = new JavaLoadGenerator();
        }
        results.environment.put("load_generator", load.name());
        if (!notes.isEmpty()) {
            results.environment.put("notes", String.join("; ", notes));
        }
        if (!whole) {
            results.environment.put("suites", String.join(", ", only));
        }

        if (only.contains("parser") && jmh != null && Files.exists(jmh)) {
            results.rows.addAll(JmhResults.read(jmh));
        }
        if (only.contains("client")) {
            results.rows.addAll(new ClientBench(mode).run());
        }
        if (only.contains("server")) {
            results.rows.addAll(new ServerBench(mode, load).run());
            if (newerJdk != null) {
                // Courier's server runs a virtual thread per connection there (a bounded platform
                // pool on 17); Jetty runs beside it on the same JDK, so the ratio stays fair.
                String version = jdkVersion(newerJdk);
                results.environment.put("newer_jdk", version);
                results.rows.addAll(new ServerBench(mode, load, newerJdk, ", JDK " + version,
                        Set.of("courier", "jetty-12")).run());
            }
        }
        if (only.contains("multipart")) {
            results.rows.addAll(new UploadBench(mode).run());
        }
        String failed = null;
        if (only.contains("pages")) {
            try {
                results.rows.addAll(new PagesBench(mode, load, results.environment).run());
            } catch (IllegalStateException e) {
                failed = e.getMessage();
                System.err.println("\n*** " + failed + "\n");
                results.environment.put("pages_failed", failed.replace('\n', ' '));
            }
        }
        results.environment.put("load_average_at_end", Results.loadAverage());

        Files.createDirectories(out);
        Files.writeString(out.resolve(stem + ".json"), JsonReport.render(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(stem + ".svg"), SvgChart.render(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(stem + ".md"), "# Benchmark results " + date + "\n\n"
                + MarkdownReport.render(results, stem + ".svg"), StandardCharsets.UTF_8);
        List<String> written = List.of(stem + ".json", stem + ".md", stem + ".svg");
        if (failed != null) {
            System.out.println("wrote " + written + " in " + out + "; " + doc + " left alone: the pages suite failed");
            System.exit(1);
        } else if (!whole) {
            System.out.println("wrote " + written + " in " + out + "; " + doc + " left alone: not every suite ran");
        } else {
            Path chartFromDoc = doc.toAbsolutePath().getParent().relativize(out.toAbsolutePath().resolve(stem + ".svg"));
            BenchmarksDoc.update(doc, MarkdownReport.render(results, chartFromDoc.toString().replace('\\', '/')));
            System.out.println("wrote " + written + " in " + out + " and updated " + doc);
        }
    }
}
