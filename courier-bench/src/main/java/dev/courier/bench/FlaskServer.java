package dev.courier.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Flask's side of the pages suite: the app of {@code pages/app.py} with the same templates as
 * Courier's, served by gunicorn with sync workers, {@code 2 × cores + 1} of them (gunicorn's
 * documented starting point), no access log (its default).
 *
 * <p>Lifecycle: {@link #probe} finds gunicorn or says why Flask cannot run;
 * {@link #start} writes the app into a folder and starts gunicorn on a free loopback port;
 * {@link PagesBench} waits for its first page; {@link #close} stops gunicorn and its workers.
 * Nothing is installed from here: {@code bench/run} tries that before the run.
 */
final class FlaskServer implements Closeable {

    /** How long gunicorn may take to boot its workers and answer the first page. */
    static final long START_TIMEOUT_SECONDS = 30;

    /** Pebble's spelling of the price, the one expression Jinja2 spells differently. */
    static final String PEBBLE_PRICE = "row.price | numberformat(\"0.00\")";
    static final String JINJA_PRICE = "\"%.2f\" | format(row.price)";

    /** The app's route answering "Flask x, Jinja2 y, Werkzeug z, Python v". */
    static final String VERSIONS_PATH = "/versions";

    private final Process process;
    private final Path log;
    private final int port;
    /** Stops gunicorn if the driver is ended (bench/run's time limit) before {@link #close}. */
    private final Thread onExit;

    private FlaskServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        // Unlike a ChildJvm, gunicorn does not end when our pipe to it closes.
        this.onExit = new Thread(this::stop, "stop-gunicorn");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Returns gunicorn's version ("gunicorn 20.1.0") when it is on the PATH. Whether its Python has
     * Flask shows when the app boots (or fails to); the app's {@value #VERSIONS_PATH} then names the
     * versions that actually serve, since gunicorn may run another Python than {@code python3}.
     *
     * @throws IOException saying gunicorn is missing, for the report
     */
    static String probe() throws IOException, InterruptedException {
        try {
            // "gunicorn (version 20.1.0)"
            return run(List.of("gunicorn", "--version")).replace("(version ", "").replace(")", "").trim();
        } catch (IOException e) {
            throw new IOException("gunicorn is not installed (" + e.getMessage() + ")", e);
        }
    }

    /** Returns the number of sync workers: gunicorn's recommended {@code 2 × cores + 1}. */
    static int workers() {
        return 2 * Runtime.getRuntime().availableProcessors() + 1;
    }

    /**
     * Returns gunicorn started on a free port, serving the app and the templates copied into
     * {@code dir}, with the price expression of {@code page.html} respelt for Jinja2.
     */
    static FlaskServer start(Path dir) throws IOException {
        Files.writeString(dir.resolve("app.py"), resource(PagesBench.APP), StandardCharsets.UTF_8);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (String name : PagesBench.TEMPLATE_FILES) {
            String text = resource(PagesBench.TEMPLATES + "/" + name);
            if (name.equals("page.html")) {
                int at = text.indexOf(PEBBLE_PRICE);
                if (at < 0 || text.indexOf(PEBBLE_PRICE, at + 1) >= 0) {
                    throw new IllegalStateException("page.html must contain " + PEBBLE_PRICE
                            + " exactly once: it is the one expression respelt for Jinja2");
                }
                text = text.replace(PEBBLE_PRICE, JINJA_PRICE);
            }
            Files.writeString(templates.resolve(name), text, StandardCharsets.UTF_8);
        }
        int port = freePort();
        Path log = dir.resolve("gunicorn.log");
        Process p = new ProcessBuilder("gunicorn", "-w", Integer.toString(workers()), "-k", "sync",
                "-b", "127.0.0.1:" + port, "app:app")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new FlaskServer(p, log, port);
    }

    /** Returns the port gunicorn listens on. */
    int port() {
        return port;
    }

    /** Returns whether gunicorn is still running (it exits when a worker cannot import the app). */
    boolean alive() {
        return process.isAlive();
    }

    /** Returns the last lines gunicorn logged, to say why it failed. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Returns the last Python error gunicorn logged ("ModuleNotFoundError: No module named 'flask'"), or "no error logged". */
    String lastError() {
        String error = "no error logged";
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                // Traceback frames are indented and gunicorn's own lines start with a [date]: the
                // exception line is neither.
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("[")
                        && (line.contains("Error: ") || line.contains("Exception: "))) {
                    error = line;
                }
            }
        } catch (IOException e) {
            error = "no log: " + e.getMessage();
        }
        return error;
    }

    /** Stops gunicorn: SIGTERM lets the master stop its workers; whatever lingers is killed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is stopping gunicorn
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Returns a free loopback port: bound, read and released (gunicorn binds it a moment later). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Returns a text resource of this module. */
    static String resource(String name) throws IOException {
        try (InputStream in = FlaskServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the benchmark jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns what a short command prints; throws when it cannot start or exits non-zero. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (p.exitValue() != 0) {
            String last = out.trim();
            int nl = last.lastIndexOf('\n');
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + (nl >= 0 ? last.substring(nl + 1) : last));
        }
        return out;
    }
}
