package dev.courier.server;

import dev.courier.wire.WireLimits;

/** What every connection of one server shares: configuration, loggers and the stopping flag. */
final class ServerContext {

    final ServerLimits limits;
    final WireLimits wire;
    final Handler handler;
    /** Errors, rejections and lifecycle: logger {@code dev.courier.server}. */
    final System.Logger log;
    /** One line per exchange in the Common Log Format: logger {@code dev.courier.server.access}. */
    final System.Logger access;
    /** Small static files kept in memory, shared by every connection of the server. */
    final FileContentCache files = new FileContentCache(FileContentCache.DEFAULT_MAX_FILE_BYTES,
            FileContentCache.DEFAULT_MAX_TOTAL_BYTES);
    /** Set once by {@code stop}: connections finish their request and close. */
    volatile boolean stopping;
    /** Where idle keep-alive connections wait on Java 17's platform pool; null elsewhere (virtual threads, TLS-only use). */
    volatile IdleParking parking;
    /** How many accepted connections wait for a thread of a bounded pool; null for virtual threads. */
    volatile java.util.function.IntSupplier waitingForThreads;

    ServerContext(ServerLimits limits, Handler handler, System.Logger log, System.Logger access) {
        this.limits = limits;
        this.wire = WireLimits.builder()
                .maxStartLineBytes(limits.maxRequestLineBytes())
                .maxHeaderBytes(limits.maxHeaderBytes())
                .maxHeaderCount(limits.maxHeaderCount())
                .build();
        this.handler = handler;
        this.log = log;
        this.access = access;
    }

    /** Returns how many connections wait for a thread, so as many idle ones should close now. */
    int waitingForThreads() {
        java.util.function.IntSupplier w = waitingForThreads;
        return w == null ? 0 : w.getAsInt();
    }

    int headerMillis() {
        return (int) limits.headerTimeout().toMillis();
    }

    int ioMillis() {
        return (int) limits.ioTimeout().toMillis();
    }
}
