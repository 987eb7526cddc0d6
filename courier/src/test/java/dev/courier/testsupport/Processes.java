package dev.courier.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs external peers (curl, python3) for the interop tests: every run has a time limit, and
 * both output streams are drained on their own threads so that a peer that hangs with its pipes
 * open still hits the limit instead of blocking the test. Shared by every package's interop tests.
 */
public final class Processes {

    /** How long a one-shot peer command may run; the slowest (a 12 MiB upload by Python) takes about 1 s. */
    public static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private Processes() {
    }

    /** The result of a finished process. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Returns a one-line description for assertion messages. */
        public String describe() {
            return "exit " + exitCode + ", stdout: " + stdout + ", stderr: " + stderr;
        }
    }

    /** Returns true when {@code command --version} exits 0 in time; remembered per command. */
    public static boolean available(String command) {
        return KNOWN.computeIfAbsent("cmd:" + command, k -> succeeds(List.of(command, "--version")));
    }

    /** Returns true when python3 can import every one of {@code modules}; remembered. */
    public static boolean pythonHas(String... modules) {
        String imports = "import " + String.join(", ", modules);
        return KNOWN.computeIfAbsent("py:" + imports, k -> succeeds(List.of("python3", "-c", imports)));
    }

    private static boolean succeeds(List<String> command) {
        try {
            return run(null, command).exitCode() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code command} in {@code dir} (null: the current directory), its stdin closed; kills it after {@link #RUN_LIMIT}. */
    public static Result run(Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), out);
        Thread errReader = drain(p.getErrorStream(), err);
        try {
            if (!p.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + RUN_LIMIT.toSeconds() + " s: " + command);
            }
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted: " + command, e);
        }
        synchronized (out) {
            synchronized (err) {
                return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** Copies {@code in} into {@code sink} on a daemon thread until the process closes it. */
    public static Thread drain(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // The process went away; what was read so far is kept.
            }
        }, "peer-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
