package dev.courier;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor behind {@code sendAsync}: a virtual thread per call when the JVM has them (Java
 * 21+, found by reflection since we compile for 17), else a bounded pool of daemon threads.
 */
final class AsyncRunner {

    /** Platform threads on Java 17: 64, enough to keep a pool of keep-alive connections busy. */
    static final int DEFAULT_MAX_PLATFORM_THREADS = 64;

    static final ExecutorService EXECUTOR = create();

    private AsyncRunner() {
    }

    /** Returns true when calls run on virtual threads. */
    static boolean usesVirtualThreads() {
        return !(EXECUTOR instanceof ThreadPoolExecutor);
    }

    private static ExecutorService create() {
        try {
            Object e = Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            return (ExecutorService) e;
        } catch (ReflectiveOperationException | RuntimeException notOnThisJvm) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_MAX_PLATFORM_THREADS, DEFAULT_MAX_PLATFORM_THREADS,
                    30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "courier-async-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
