package dev.courier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pages suite: a realistic HTML page (a layout with a nav, a 50-row table built per request
 * with escaped names, formatted prices and an if/else, one include) served by Courier with Pebble
 * ({@link CourierPagesServer}, in its own JVM) and by Flask with Jinja2 on gunicorn
 * ({@link FlaskServer}), from the same template files, under the same load generator as the
 * server suite. Requests/s (median of the rounds) and p99 latency (median of the rounds' p99).
 *
 * <p>Steps: find Flask (a missing gunicorn or Flask skips its rows, saying why); start both;
 * fetch each page once and {@link PageCheck compare} them, failing the suite if they differ in
 * substance; then, at each connection count, warm each up in turn and measure {@code rounds}
 * rounds of one window per server, the starting server rotated each round ({@link Interleave}),
 * so that both see the same spells of the shared machine's load and neither always goes first.
 */
final class PagesBench {

    /** The page's path on both servers. */
    static final String PAGE_PATH = "/page";

    /** Class-path folder of the templates both servers use. */
    static final String TEMPLATES = "pages/templates";

    /** The template files, copied for Flask. */
    static final List<String> TEMPLATE_FILES = List.of("base.html", "page.html", "row_footer.html");

    /** Class-path location of the Flask app. */
    static final String APP = "pages/app.py";

    /** Rows in the page's table. */
    static final int ROWS = 50;

    /** Connections: a busy page is served to many browsers at once; 1 would measure latency only. */
    static final int[] CONNECTIONS = {4, 16, 64};

    /** The Flask row's library name. */
    static final String FLASK = "flask";

    private final RunMode mode;
    private final LoadGenerator load;
    private final Map<String, String> environment;

    /** Measures with {@code load}; facts about the run (versions, workers, page sizes) go into {@code environment}. */
    PagesBench(RunMode mode, LoadGenerator load, Map<String, String> environment) {
        this.mode = mode;
        this.load = load;
        this.environment = environment;
    }

    /**
     * Returns the measured rows.
     *
     * @throws IllegalStateException when the two servers' pages differ in substance
     */
    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("courier-bench-pages");
        try (ChildJvm courier = ChildJvm.start(ServerBench.COMMON_FLAGS, CourierPagesServer.class)) {
            int courierPort = Integer.parseInt(courier.awaitReady()[0]);
            String courierPage = PageCheck.fetch(courierPort, PAGE_PATH);
            PageCheck.checkShape("courier", courierPage);
            FlaskServer flask = startFlask(dir, courierPage);
            try {
                for (int c : CONNECTIONS) {
                    List<LoadLane> lanes = new ArrayList<>();
                    lanes.add(new LoadLane("courier", courierPort, -1, mode.rounds()));
                    if (flask != null) {
                        lanes.add(new LoadLane(FLASK, flask.port(), -1, mode.rounds()));
                    }
                    measure(rows, lanes, "page, " + c + " connections", c);
                }
            } finally {
                if (flask != null) {
                    flask.close();
                }
            }
        } finally {
            deleteTree(dir);
        }
        return rows;
    }

    /**
     * Returns gunicorn serving the same page as Courier's, or null, saying why, when gunicorn or
     * Flask is missing or the app does not boot.
     *
     * @throws IllegalStateException when Flask's page differs from Courier's in substance
     */
    private FlaskServer startFlask(Path dir, String courierPage) throws InterruptedException {
        FlaskServer flask = null;
        String gunicorn;
        String page;
        String versions;
        try {
            gunicorn = FlaskServer.probe();
            flask = FlaskServer.start(dir);
            page = firstPage(flask);
            versions = PageCheck.fetch(flask.port(), FlaskServer.VERSIONS_PATH);
        } catch (IOException e) {
            if (flask != null) {
                flask.close();
            }
            System.out.println("pages   " + FLASK + " skipped: " + e.getMessage());
            // The first line says why; the log that follows it is for the console only.
            environment.put("pages_flask", "skipped: " + e.getMessage().lines().findFirst().orElse("")
                    .replace("; its log ends:", ""));
            environment.put("pages_page_length", "courier " + courierPage.length() + " chars");
            return null;
        }
        try {
            PageCheck.checkShape("flask", page);
            PageCheck.compare(courierPage, page);
        } catch (IllegalStateException e) {
            flask.close();
            throw e;
        }
        environment.put("pages_flask", versions + ", " + gunicorn + "; " + FlaskServer.workers()
                + " sync workers (2 × " + Runtime.getRuntime().availableProcessors() + " cores + 1)");
        environment.put("pages_page_length", "courier " + courierPage.length() + ", flask " + page.length()
                + " chars; the same after normalising");
        return flask;
    }

    /** Returns Flask's page once gunicorn answers, polling until it does or gives up. */
    private static String firstPage(FlaskServer flask) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FlaskServer.START_TIMEOUT_SECONDS * 1_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!flask.alive()) {
                String error = flask.lastError();
                throw new IOException((error.contains("No module named 'flask'")
                        ? "Flask is not installed for the Python that gunicorn runs" : "gunicorn exited while starting")
                        + " (" + error + "); its log ends:\n" + flask.logTail());
            }
            try {
                return PageCheck.fetch(flask.port(), PAGE_PATH);
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("gunicorn did not serve " + PAGE_PATH + " within " + FlaskServer.START_TIMEOUT_SECONDS
                + " s (last error: " + last + "); its log ends:\n" + flask.logTail());
    }

    /** Measures the servers of {@code lanes} at {@code connections}, interleaved, and adds a row per server that did not fail. */
    private void measure(List<Row> rows, List<LoadLane> lanes, String scenario, int connections)
            throws InterruptedException {
        LoadLane.measureAll(lanes, load, PAGE_PATH, connections, mode);
        LoadLane.report(rows, lanes, "pages", scenario, false);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
