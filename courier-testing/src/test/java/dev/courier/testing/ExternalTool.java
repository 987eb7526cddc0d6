package dev.courier.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs curl or python3 as a peer client, bounded in time, returning stdout and the exit code. */
final class ExternalTool {

    /** Every call here is a loopback request of at most a second or so. */
    static final long DEFAULT_TIMEOUT_SECONDS = 20;

    record Result(int exitCode, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private ExternalTool() {
    }

    /** Returns null when {@code command --version} runs, else why it cannot. */
    static String unavailable(String command) {
        try {
            Result r = run(List.of(command, "--version"), null);
            return r.exitCode() == 0 ? null : command + " --version failed: " + r.stderr();
        } catch (IOException e) {
            return command + " is not installed: " + e.getMessage();
        }
    }

    static Result run(List<String> command, byte[] stdin) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        try {
            if (!p.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + DEFAULT_TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
