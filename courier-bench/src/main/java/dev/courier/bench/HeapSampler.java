package dev.courier.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap growth during an upload: used heap after a GC before it starts (the baseline), and the peak
 * used heap sampled every millisecond while it runs. The peak includes garbage not yet collected,
 * so it is an upper bound on what the upload keeps; the child JVM's heap is also capped (-Xmx), so
 * an uploader that held the file in memory would fail outright rather than show a large number.
 *
 * <p>Lifecycle: {@link #start} (GCs, reads the baseline, starts sampling), {@link #stopMib}.
 */
final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        System.gc();
        baseline = used();
        peak = baseline;
        sampler = new Thread(() -> {
            while (running) {
                long u = used();
                if (u > peak) {
                    peak = u;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler h = new HeapSampler();
        h.sampler.start();
        return h;
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Stops sampling and returns peak minus baseline, in MiB. */
    double stopMib() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(1000);
        return Math.max(0, peak - baseline) / (1024.0 * 1024.0);
    }
}
