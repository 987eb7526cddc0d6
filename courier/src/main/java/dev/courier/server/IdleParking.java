package dev.courier.server;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Keep-alive connections waiting for their next request on Java 17's platform pool, parked on one
 * selector instead of each holding a thread blocked in a read.
 *
 * <p>Why: with a thread per connection every request wakes its own thread. Measured with
 * {@code perf} under {@code wrk -c64} on 2 cores, that switch was a third of the server's CPU,
 * while Jetty, whose selector finds many ready connections per wake-up, spent under 1 % there.
 *
 * <p>How (leader/follower): the threads whose connections parked become workers. One worker at
 * a time leads: it selects, takes the connections that became readable (turning their interest
 * off until they park again), and queues them. Workers serve queued connections one request
 * loop at a time until the connection parks again or ends. A parked connection's channel stays
 * in non-blocking mode from its first park on; its reads and writes wait for readiness on a
 * selector of the serving thread's own ({@link PlainTransport}). Before a worker starts serving, it makes
 * sure another worker is awake to lead or to take queued work, starting one when none is idle,
 * so a handler that blocks never holds the other connections up. Idle workers beyond a few leave.
 *
 * <p>The first {@link #DIRECT_CONNECTIONS} connections never park: with few clients a thread
 * blocked on its own socket answers sooner (one wake-up instead of a select and a hand-off).
 */
final class IdleParking implements AutoCloseable {

    /**
     * Connections up to this count keep their own thread between requests: two per processor,
     * as on Java 21+. The system property {@code dev.courier.server.directConnections} overrides
     * it (0 parks every idle connection; the test suite runs once that way).
     */
    static final int DIRECT_CONNECTIONS = Integer.getInteger("dev.courier.server.directConnections",
            ConnectionThreads.platformConnectionsBesideVirtual());

    /** Workers started without waiting for a stall: one per processor. */
    private static final int MIN_WORKERS = Runtime.getRuntime().availableProcessors();

    /** Idle workers kept waiting for work; more than this leave after {@link #FOLLOWER_WAIT_NANOS}. */
    private static final int MAX_IDLE_WORKERS = Runtime.getRuntime().availableProcessors();

    /** How long an idle worker waits before it looks again (or leaves, when there are enough). */
    private static final long FOLLOWER_WAIT_NANOS = 50_000_000L;

    /** The longest a leader blocks in select, so a closed lot is noticed. */
    private static final long SELECT_MILLIS = 1000;

    private final Selector selector;
    private final Executor executor;
    private final IntSupplier openConnections;
    private final IntSupplier waitingForThreads;
    private final int directConnections;
    /** Parks so far, for tests and diagnostics. */
    private final LongAdder parks = new LongAdder();
    private final ConcurrentLinkedQueue<Connection> ready = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Thread> idle = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicInteger workers = new AtomicInteger();
    /** Connections parked now (registered for reading, not yet taken or closed). */
    private final AtomicInteger parked = new AtomicInteger();
    private volatile boolean selecting;
    /** When a worker last took a connection or finished a select. */
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean closed;

    IdleParking(Executor executor, IntSupplier openConnections, IntSupplier waitingForThreads, int directConnections)
            throws IOException {
        this.directConnections = directConnections;
        this.selector = Selector.open();
        this.executor = executor;
        this.openConnections = openConnections;
        this.waitingForThreads = waitingForThreads;
    }

    /**
     * Parks {@code c}, which has nothing of its next request buffered: registers it for reading
     * (the first time, switching its channel to non-blocking mode for good). From here on
     * another thread may take it; the caller must not touch it again.
     */
    void park(Connection c, PlainTransport transport) throws IOException {
        try {
            SelectionKey key = transport.parkingKey();
            if (key == null) {
                transport.registerForParking(selector, c);
            } else {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw new IOException("the server is stopping or the connection was closed", e);
        }
        parks.increment();
        parked.incrementAndGet();
        if (selecting) {
            selector.wakeup(); // the leader applies interest changes only between selects
        }
    }

    /**
     * Serves parked connections as they become ready, until this worker is not needed. A thread
     * whose own connection just parked ({@code volunteer}) stays only while fewer than
     * {@link #MIN_WORKERS} work: more idle workers would each cost a wake-up per request.
     */
    void work(boolean volunteer) {
        if (workers.incrementAndGet() > MIN_WORKERS && volunteer) {
            workers.decrementAndGet();
            return;
        }
        try {
            long idleSince = 0;
            // Bounded: the worker leaves once idle for a while with enough others, or when closed.
            while (!closed && !Thread.currentThread().isInterrupted()) {
                if (waitingForThreads.getAsInt() > 0) {
                    // New connections wait for a thread of the bounded pool: give this one back.
                    // Whoever serves them joins as a worker once their connection parks.
                    return;
                }
                Connection c = ready.poll();
                if (c != null) {
                    idleSince = 0;
                    lastProgressNanos = System.nanoTime();
                    ensureAnotherWorker();
                    c.serveUntilParkedOrEnded();
                    continue;
                }
                if (leading.compareAndSet(false, true)) {
                    try {
                        lead();
                    } finally {
                        leading.set(false);
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (idleSince == 0) {
                    idleSince = now;
                } else if (now - idleSince > FOLLOWER_WAIT_NANOS && idle.size() >= MAX_IDLE_WORKERS) {
                    return;
                }
                Thread self = Thread.currentThread();
                idle.push(self);
                if (ready.isEmpty() && leading.get()) {
                    LockSupport.parkNanos(this, FOLLOWER_WAIT_NANOS);
                }
                idle.remove(self);
            }
        } finally {
            workers.decrementAndGet();
        }
    }

    /** Wakes an idle worker, or starts one, so that someone leads or takes queued work while this one serves. */
    private void ensureAnotherWorker() {
        if (ready.isEmpty() && leading.get()) {
            return; // a leader is selecting; nothing is waiting
        }
        Thread t = idle.pollFirst();
        if (t != null) {
            LockSupport.unpark(t);
        } else if (workers.get() < MIN_WORKERS) {
            startWorker();
        }
        // Otherwise every worker is busy; the first to finish leads. When none finishes for a
        // while (handlers that block), checkStalled starts another.
    }

    private void startWorker() {
        try {
            executor.execute(() -> work(false));
        } catch (RejectedExecutionException e) {
            // Shutting down: the connections still parked are closed by the server's stop.
        }
    }

    /**
     * Called by the server's watchdog every period: when connections have been waiting in the
     * queue, or nobody has led, for longer than a period while every worker is busy (handlers
     * that block), starts one more worker.
     */
    void checkStalled(long periodNanos) {
        if (closed) {
            return;
        }
        if (workers.get() == 0 && (parked.get() > 0 || !ready.isEmpty())) {
            startWorker(); // every worker gave its thread back; parked connections still need one
            return;
        }
        long now = System.nanoTime();
        boolean waiting = !ready.isEmpty() || (!leading.get() && workers.get() > 0);
        if (waiting && idle.isEmpty() && now - lastProgressNanos > periodNanos) {
            startWorker();
        }
    }

    /** Tells the lot that a parked connection was closed without being taken (idle timeout, stop). */
    void closedWhileParked() {
        parked.decrementAndGet();
    }

    /** Selects once and queues the connections that became readable. */
    private void lead() {
        List<Connection> got = new ArrayList<>();
        try {
            if (selector.selectedKeys().isEmpty()) {
                selecting = true;
                try {
                    selector.select(SELECT_MILLIS);
                } finally {
                    selecting = false;
                }
            }
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey k = it.next();
                it.remove();
                if (k.isValid()) {
                    // No more readiness for it while a worker serves it; applied before the next select.
                    k.interestOps(0);
                    got.add((Connection) k.attachment());
                }
            }
        } catch (IOException | ClosedSelectorException | CancelledKeyException e) {
            // The selector failed or was closed: nothing parked can be served any more; the connections are
            // closed by the idle timeout or the server's stop.
            closed = true;
        }
        lastProgressNanos = System.nanoTime();
        for (Connection c : got) {
            if (c.unpark()) {
                parked.decrementAndGet();
                ready.add(c);
            }
        }
    }

    /** Returns true when a connection about to wait for its next request should park: enough are open. */
    boolean shouldPark() {
        return !closed && openConnections.getAsInt() > directConnections;
    }

    /** Returns how many times a connection was parked. */
    long parks() {
        return parks.sum();
    }

    @Override
    public void close() {
        closed = true;
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing left to do; the parked channels are closed by the server's stop.
        }
        for (Thread t : idle) {
            LockSupport.unpark(t);
        }
    }
}
