package dev.courier.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by the threads of this JVM, read from
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}.
 *
 * <p>Every live thread but the measuring one is summed, not only the benchmark's workers: the JDK
 * client parses responses on its own selector and executor threads, and counting only callers would
 * flatter it. The loopback server runs in another JVM, so none of its allocation is counted. A
 * thread that ends between two readings loses its count: none do, since a window's worker threads
 * start before its first reading and stop after its last ({@link ClientLane}). The other
 * libraries' clients stay open, idle, during a window; whatever their own background threads
 * allocate meanwhile is counted too, in every library's windows alike.
 */
final class AllocationMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    AllocationMeter() {
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /** Returns the bytes allocated so far by each live thread except the caller, by thread id. */
    Map<Long, Long> snapshot() {
        long self = Thread.currentThread().getId();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != self && bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }

    /** Returns the bytes allocated between two snapshots; threads born in between count from zero. */
    static long between(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }
}
