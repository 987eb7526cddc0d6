package dev.courier.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (curl, python3, node) against a test server, with a time limit. */
final class ExternalTool {

    private static final int TIMEOUT_SECONDS = 20;

    private ExternalTool() {
    }

    /** What a finished process printed. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** Returns true when {@code command args...} exits 0 within the time limit. */
    static boolean works(String... command) {
        try {
            return run(command).exitCode() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code command} and returns its output; fails after {@value #TIMEOUT_SECONDS} s. */
    static Result run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.setDaemon(true);
        errReader.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outReader = new Thread(() -> copy(p.getInputStream(), out));
        outReader.setDaemon(true);
        outReader.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + List.of(command));
            }
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process ended; what was read is kept.
        }
    }
}
