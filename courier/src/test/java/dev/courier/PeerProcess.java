package dev.courier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real HTTP peer run as a subprocess (python3, node) on loopback; skipped when the tool is missing. */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private PeerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code tool} on the script resource {@code name}; skips the test when {@code tool} cannot run. */
    static PeerProcess start(String tool, String name) throws IOException, InterruptedException {
        assumeTrue(canRun(tool), tool + " is not installed: interop test against a real " + tool + " peer skipped");
        Path script = Files.createTempFile("courier-peer", name.substring(name.lastIndexOf('.')));
        try (InputStream in = PeerProcess.class.getResourceAsStream("/dev/courier/client/" + name)) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        Process p = new ProcessBuilder(tool, script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            p.destroyForcibly();
            throw new IllegalStateException(tool + " peer did not start: " + line);
        }
        return new PeerProcess(p, Integer.parseInt(line.substring(5).trim()));
    }

    private static boolean canRun(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Returns {@code http://127.0.0.1:port} + {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        awaitExit(process);
    }

    /** Waits up to 5 s for {@code p} to exit after being asked to, then kills it. */
    static void awaitExit(Process p) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
