package dev.courier.cookie;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external peers (curl, python3) for interop tests, with a time limit. */
final class Tools {

    private Tools() {
    }

    /** The result of a finished process. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Returns true when {@code command --version} runs and exits 0 within 10 seconds. */
    static boolean available(String command) {
        try {
            return run(null, List.of(command, "--version")).exitCode() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Returns true when python3 can import {@code module}. */
    static boolean pythonHas(String module) {
        try {
            return run(null, List.of("python3", "-c", "import " + module)).exitCode() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code command} in {@code dir} and returns its output; kills it after 20 seconds. */
    static Result run(Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(p.getInputStream(), out);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 20 s: " + command);
            }
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted: " + command, e);
        }
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process went away; what was read so far is kept.
        }
    }
}
