package dev.courier.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real httpbin, from Debian's python3-httpbin, run by Debian's own /usr/bin/python3 through
 * httpbin-fixture/serve.py (wsgiref on 127.0.0.1, a free port printed on stdout).
 */
final class PythonHttpBin implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Importing Flask and httpbin takes about a second; allow for a loaded machine. */
    static final long DEFAULT_START_TIMEOUT_SECONDS = 20;

    private final Process process;
    final String url;

    private PythonHttpBin(Process process, int port) {
        this.process = process;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Returns a reason why httpbin cannot run here, or null when it can. */
    static String unavailableReason() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing; install Debian's python3-httpbin to compare with the real httpbin";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import httpbin").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(DEFAULT_START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "importing httpbin timed out";
            }
            return p.exitValue() == 0 ? null
                    : "httpbin is not importable by " + PYTHON + " (apt-get install python3-httpbin): " + out.trim();
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Returns a started httpbin; the caller closes it. */
    static PythonHttpBin start() throws Exception {
        Path dir = Files.createTempDirectory("httpbin-peer");
        Path script = dir.resolve("serve.py");
        try (InputStream in = PythonHttpBin.class.getResourceAsStream("/httpbin-fixture/serve.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String port;
        try {
            port = line.get(DEFAULT_START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("httpbin did not print its port in " + DEFAULT_START_TIMEOUT_SECONDS + " s", e);
        }
        if (port == null) {
            p.destroyForcibly();
            throw new IllegalStateException("httpbin exited before printing its port");
        }
        return new PythonHttpBin(p, Integer.parseInt(port.trim()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
