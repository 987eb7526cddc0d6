package dev.courier.http;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short python3 script for interop tests; empty when python3 is not installed.
 *
 * <p>The scripts here print a few kilobytes at most, less than a pipe buffer, so the child never
 * blocks on output and the process can be waited for (with a time limit) before its output is
 * read. Standard error goes to a temporary file so that it can be shown when the script fails.
 */
final class Python {

    /** Longest a script may run; the scripts used here finish in well under a second. */
    private static final long TIMEOUT_SECONDS = 20;

    private Python() {
    }

    /** Returns the script's standard output, or empty when python3 cannot be started. */
    static Optional<String> run(String script, String stdin) {
        File errors;
        try {
            errors = Files.createTempFile("courier-python", ".err").toFile();
        } catch (IOException e) {
            throw new AssertionError("cannot create a temporary file", e);
        }
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectError(errors).start();
        } catch (IOException e) {
            errors.delete();
            return Optional.empty();
        }
        try {
            try (OutputStream out = p.getOutputStream()) {
                out.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s");
            }
            byte[] output = p.getInputStream().readAllBytes();
            if (p.exitValue() != 0) {
                throw new AssertionError("python3 failed with exit code " + p.exitValue() + ": "
                        + Files.readString(errors.toPath(), StandardCharsets.UTF_8));
            }
            return Optional.of(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("talking to python3 failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            p.destroyForcibly();
            errors.delete();
        }
    }
}
