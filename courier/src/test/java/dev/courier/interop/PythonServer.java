package dev.courier.interop;

import dev.courier.testsupport.Processes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Python HTTP server run by a test: the script (a resource of this package) binds 127.0.0.1 on
 * an ephemeral port, prints {@code PORT <n>} as its first line and exits when its stdin closes.
 * The test is skipped, with the reason, when python3 or one of the modules is missing.
 */
final class PythonServer implements AutoCloseable {

    private final Process process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final int port;

    private PythonServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code script} with {@code args}; skips the test when python3 cannot import {@code modules}. */
    static PythonServer start(Path dir, String script, List<String> modules, String... args) throws IOException {
        assumeTrue(Processes.available("python3"), "python3 is not installed: interop test skipped");
        assumeTrue(Processes.pythonHas(modules.toArray(String[]::new)),
                "python3 lacks one of " + modules + ": interop test skipped");
        Path file = dir.resolve(script);
        try (InputStream in = PythonServer.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + script + " is missing next to " + PythonServer.class);
            }
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("python3", "-u", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        PythonServer server;
        try {
            server = new PythonServer(p, readPort(p));
        } catch (RuntimeException | IOException e) {
            p.destroyForcibly();
            throw e;
        }
        Processes.drain(p.getErrorStream(), server.stderr);
        return server;
    }

    /** Reads the {@code PORT <n>} line, waiting at most 15 s (Flask's import takes about 0.5 s). */
    private static int readPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "(stdout failed: " + e + ")";
            }
        });
        String first;
        try {
            first = line.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("python server printed no port within 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the python server", e);
        }
        if (first == null || !first.startsWith("PORT ")) {
            String err;
            try {
                p.waitFor(5, TimeUnit.SECONDS);
                err = new String(p.getErrorStream().readNBytes(4000), StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err = "";
            }
            throw new IOException("python server did not start; first line " + first + ", stderr: " + err);
        }
        return Integer.parseInt(first.substring(5).trim());
    }

    /** Returns the port the script listens on. */
    int port() {
        return port;
    }

    /** Returns {@code http://host:port} + {@code path}. */
    String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    /** Returns what the script wrote to stderr so far (its request log and tracebacks). */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already gone: nothing to ask to stop.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
