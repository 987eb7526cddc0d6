package dev.courier.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The size limits and timeouts an {@link HttpServer} enforces, each with the status it answers
 * when passed: request line 414, header section 431, body 413, slow header 408 (then close).
 *
 * <pre>{@code
 * ServerLimits limits = ServerLimits.builder()
 *     .maxBodyBytes(1 << 20)                  // 1 MiB uploads
 *     .idleTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; {@link #defaults()} holds the {@code DEFAULT_*} values below.
 */
public final class ServerLimits {

    /** nginx's {@code large_client_header_buffers} line size (8 KiB); longer lines get 414. */
    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
    /** Header section: 16 KiB, Tomcat's and Jetty's 8 KiB doubled for large cookies; then 431. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    /** Header field count: 100, as Tomcat's {@code maxHeaderCount}; then 431. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;
    /** Body: 10 MiB, ten times nginx's {@code client_max_body_size} of 1 MiB; then 413. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /**
     * Unread body drained before the next request: 64 KiB (Tomcat's {@code maxSwallowSize} is
     * 2 MiB, we prefer closing sooner); a larger rest closes the connection instead.
     */
    public static final long DEFAULT_MAX_DRAIN_BYTES = 64 * 1024;
    /**
     * Whole header section after its first byte: 10 s, below nginx's client_header_timeout
     * (60 s) and Apache mod_reqtimeout's header=20-40, since real clients send a head in one
     * burst and a slow one is a slowloris; then 408 and close.
     */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** Waiting for the next request on a kept-alive connection: 30 s, between nginx (75 s) and Apache (5 s). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** One read of body bytes or one write of response bytes: 30 s, as Jetty's idle timeout. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(30);
    /** Open connections at once: 10,000 (nginx's worker_connections is 512..1024 per worker). */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Threads of the platform pool used on JVMs without virtual threads: 200, Tomcat's maxThreads. */
    public static final int DEFAULT_MAX_PLATFORM_THREADS = 200;

    private static final ServerLimits DEFAULTS = builder().build();

    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;
    private final long maxDrainBytes;
    private final Duration headerTimeout;
    private final Duration idleTimeout;
    private final Duration ioTimeout;
    private final int maxConnections;
    private final int maxPlatformThreads;

    private ServerLimits(Builder b) {
        this.maxRequestLineBytes = b.maxRequestLineBytes;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxHeaderCount = b.maxHeaderCount;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxDrainBytes = b.maxDrainBytes;
        this.headerTimeout = b.headerTimeout;
        this.idleTimeout = b.idleTimeout;
        this.ioTimeout = b.ioTimeout;
        this.maxConnections = b.maxConnections;
        this.maxPlatformThreads = b.maxPlatformThreads;
    }

    /** Returns the limits with every {@code DEFAULT_*} value. */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the longest request line accepted, in bytes (414 beyond). */
    public int maxRequestLineBytes() {
        return maxRequestLineBytes;
    }

    /** Returns the largest header section accepted, in bytes (431 beyond). */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Returns the most header fields accepted (431 beyond). */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /** Returns the largest request body accepted, in bytes (413 beyond). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Returns the most unread body bytes skipped to keep a connection open. */
    public long maxDrainBytes() {
        return maxDrainBytes;
    }

    /** Returns the time allowed for a header section once its first byte came (408 beyond). */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** Returns how long a kept-alive connection may wait for its next request. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Returns the time allowed for one read of body bytes or one write of response bytes. */
    public Duration ioTimeout() {
        return ioTimeout;
    }

    /** Returns the most connections open at once; more get 503 and are closed. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Returns the size of the platform-thread pool used when the JVM has no virtual threads.
     * Connections beyond it wait in a queue; while any wait, idle kept-alive connections close
     * within a quarter second to give their threads up.
     */
    public int maxPlatformThreads() {
        return maxPlatformThreads;
    }

    @Override
    public String toString() {
        return "ServerLimits{requestLine=" + maxRequestLineBytes + ", headers=" + maxHeaderBytes + "/" + maxHeaderCount
                + ", body=" + maxBodyBytes + ", drain=" + maxDrainBytes + ", headerTimeout=" + headerTimeout
                + ", idle=" + idleTimeout + ", io=" + ioTimeout + ", connections=" + maxConnections
                + ", platformThreads=" + maxPlatformThreads + "}";
    }

    /** A validating builder of {@link ServerLimits}; every value must be positive. */
    public static final class Builder {
        private int maxRequestLineBytes = DEFAULT_MAX_REQUEST_LINE_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxHeaderCount = DEFAULT_MAX_HEADER_COUNT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long maxDrainBytes = DEFAULT_MAX_DRAIN_BYTES;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration ioTimeout = DEFAULT_IO_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxPlatformThreads = DEFAULT_MAX_PLATFORM_THREADS;

        private Builder() {
        }

        /** Sets the longest request line, in bytes. */
        public Builder maxRequestLineBytes(int bytes) {
            this.maxRequestLineBytes = (int) positive("maxRequestLineBytes", bytes);
            return this;
        }

        /** Sets the largest header section, in bytes. */
        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = (int) positive("maxHeaderBytes", bytes);
            return this;
        }

        /** Sets the most header fields. */
        public Builder maxHeaderCount(int count) {
            this.maxHeaderCount = (int) positive("maxHeaderCount", count);
            return this;
        }

        /** Sets the largest request body, in bytes. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = positive("maxBodyBytes", bytes);
            return this;
        }

        /** Sets the most unread body bytes skipped to keep a connection (0: always close). */
        public Builder maxDrainBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxDrainBytes must be >= 0, got " + bytes);
            }
            this.maxDrainBytes = bytes;
            return this;
        }

        /** Sets the time allowed for a header section after its first byte. */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = positive("headerTimeout", timeout);
            return this;
        }

        /** Sets how long an idle kept-alive connection waits for its next request. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /** Sets the time allowed for one body read or one response write. */
        public Builder ioTimeout(Duration timeout) {
            this.ioTimeout = positive("ioTimeout", timeout);
            return this;
        }

        /** Sets the most connections open at once. */
        public Builder maxConnections(int count) {
            this.maxConnections = (int) positive("maxConnections", count);
            return this;
        }

        /** Sets the platform-thread pool size used without virtual threads. */
        public Builder maxPlatformThreads(int count) {
            this.maxPlatformThreads = (int) positive("maxPlatformThreads", count);
            return this;
        }

        /** Returns the limits. */
        public ServerLimits build() {
            return new ServerLimits(this);
        }

        private static long positive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero() || value.toMillis() == 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
            }
            if (value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be under 24 days, got " + value);
            }
            return value;
        }
    }
}
