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
    /** Set once by {@code stop}: connections finish their request and close. */
    volatile boolean stopping;
    /** True while accepted connections wait for a thread of a bounded pool; null for virtual threads. */
    volatile java.util.function.BooleanSupplier threadsWanted;

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

    /** Returns true when connections wait for a thread, so idle ones should close now. */
    boolean threadsWanted() {
        java.util.function.BooleanSupplier w = threadsWanted;
        return w != null && w.getAsBoolean();
    }

    int headerMillis() {
        return (int) limits.headerTimeout().toMillis();
    }

    int ioMillis() {
        return (int) limits.ioTimeout().toMillis();
    }
}
