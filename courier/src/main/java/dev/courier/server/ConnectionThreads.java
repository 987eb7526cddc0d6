package dev.courier.server;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that runs one {@link Connection} per task: a virtual thread per connection when
 * the JVM has them (Java 21+), found by reflection because Courier is compiled for Java 17;
 * otherwise a bounded pool of platform threads, where connections beyond the pool size wait in
 * a queue until a thread frees up.
 */
final class ConnectionThreads {

    private ConnectionThreads() {
    }

    /**
     * Returns how many connections at a time run on platform threads beside the virtual ones:
     * two per processor. Measured on JDK 25 (2 cores) with wrk on loopback: one connection on a
     * platform thread answered 16.3k requests/s against 12.9k on a virtual thread (a virtual
     * thread's read is woken by the JDK's poller and then scheduled on a carrier, two wake-ups
     * for one), and 4 connections 71k against 66k; with many connections virtual threads win,
     * as their switches are cheaper than the kernel's.
     */
    static int platformConnectionsBesideVirtual() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Returns true when this JVM can start virtual threads. */
    static boolean virtualAvailable() {
        return virtualFactory() != null;
    }

    /** Returns {@code Executors.newThreadPerTaskExecutor(virtual factory)}, or null before Java 21. */
    private static ExecutorService virtualExecutor() {
        ThreadFactory factory = virtualFactory();
        if (factory == null) {
            return null;
        }
        try {
            Method m = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) m.invoke(null, factory);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Returns the executor for connections; {@code preferVirtual=false} forces the platform pool. */
    static ExecutorService create(boolean preferVirtual, int platformThreads, String namePrefix) {
        if (preferVirtual) {
            ExecutorService virtual = virtualExecutor();
            if (virtual != null) {
                return virtual;
            }
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(platformThreads, platformThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, namePrefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Returns {@code Thread.ofVirtual().name(prefix, 0).factory()}, or null before Java 21. */
    private static ThreadFactory virtualFactory() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            // Through the public interface: the builder's own class is not exported.
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
