package dev.courier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code wrk} as the load generator: epoll-based, C, cheap per request, so more of the 2 cores is
 * left to the server under test. Threads: one per connection up to 2 (the core count); wrk needs at
 * least as many connections as threads.
 */
final class WrkLoadGenerator implements LoadGenerator {

    private final String version;

    private WrkLoadGenerator(String version) {
        this.version = version;
    }

    /** Returns wrk when it is on the PATH, else null. */
    static WrkLoadGenerator find() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            // "wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer"
            String[] words = out.trim().split("\\s+");
            return words.length >= 2 && words[0].equals("wrk") ? new WrkLoadGenerator(words[1]) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "wrk " + version;
    }

    @Override
    public LoadResult run(int port, String path, int connections, int seconds) throws IOException, InterruptedException {
        int threads = Math.min(2, connections);
        Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "http://127.0.0.1:" + port + path).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("wrk failed:\n" + out);
        }
        return parse(out);
    }

    /** Returns the figures of a {@code wrk --latency} report. */
    static LoadResult parse(String report) throws IOException {
        double rps = -1;
        double p99 = -1;
        long errors = 0;
        for (String raw : report.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("Requests/sec:")) {
                rps = Double.parseDouble(line.substring("Requests/sec:".length()).trim());
            } else if (line.startsWith("99%")) {
                p99 = millis(line.substring(3).trim());
            } else if (line.startsWith("Non-2xx or 3xx responses:")) {
                errors += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("Socket errors:")) {
                // "Socket errors: connect 0, read 0, write 0, timeout 0"
                for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
                    String[] kv = part.trim().split(" ");
                    errors += Long.parseLong(kv[1]);
                }
            }
        }
        if (rps < 0 || p99 < 0) {
            throw new IOException("could not read Requests/sec and the 99% latency from wrk's report:\n" + report);
        }
        return new LoadResult(rps, p99, errors);
    }

    /** Returns milliseconds for a wrk duration such as {@code 812.00us}, {@code 1.25ms} or {@code 2.01s}. */
    private static double millis(String s) {
        if (s.endsWith("us")) {
            return Double.parseDouble(s.substring(0, s.length() - 2)) / 1000;
        }
        if (s.endsWith("ms")) {
            return Double.parseDouble(s.substring(0, s.length() - 2));
        }
        if (s.endsWith("m")) {
            return Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000;
        }
        if (s.endsWith("s")) {
            return Double.parseDouble(s.substring(0, s.length() - 1)) * 1000;
        }
        return Double.parseDouble(s);
    }
}
