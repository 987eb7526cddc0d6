package dev.courier.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a short python3 script for interop tests; empty when python3 is not installed. */
final class Python {

    /** Longest a script may run; the scripts used here finish in well under a second. */
    private static final long TIMEOUT_SECONDS = 20;

    private Python() {
    }

    /** Returns the script's standard output, or empty when python3 cannot be started. */
    static Optional<String> run(String script, String stdin) {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(false).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            try (OutputStream out = p.getOutputStream()) {
                out.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            byte[] output = readAll(p.getInputStream());
            String err = new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("python3 failed with exit code " + p.exitValue() + ": " + err);
            }
            return Optional.of(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("talking to python3 failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            p.destroy();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
