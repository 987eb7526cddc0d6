package dev.courier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set size of a process while it is under load, sampled from
 * {@code /proc/<pid>/status} (Linux only; elsewhere it reads -1).
 *
 * <p>Lifecycle: {@link #start} begins sampling every {@value #PERIOD_MILLIS} ms on a daemon thread,
 * {@link #stop} ends it and returns the largest VmRSS seen, in MiB.
 */
final class Rss {

    private static final long PERIOD_MILLIS = 100;

    private final Path status;
    private volatile boolean running = true;
    private volatile long peakKib = -1;
    private final Thread sampler;

    private Rss(long pid) {
        status = Path.of("/proc", Long.toString(pid), "status");
        sampler = new Thread(this::loop, "rss-sampler");
        sampler.setDaemon(true);
    }

    static Rss start(long pid) {
        Rss r = new Rss(pid);
        r.sampler.start();
        return r;
    }

    private void loop() {
        while (running) {
            long kib = readKib(status);
            if (kib > peakKib) {
                peakKib = kib;
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns the peak VmRSS in MiB, or -1 when it could not be read. */
    double stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(1000);
        return peakKib < 0 ? -1 : peakKib / 1024.0;
    }

    /** Returns VmRSS in KiB from a /proc status file, or -1. */
    static long readKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String v = line.substring("VmRSS:".length()).trim();
                    return Long.parseLong(v.substring(0, v.indexOf(' ')));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
