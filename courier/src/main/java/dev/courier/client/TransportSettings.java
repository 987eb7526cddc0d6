package dev.courier.client;

import dev.courier.wire.WireLimits;

/**
 * The fixed settings of a transport: timeouts in milliseconds (0 means none), pool limits, TLS,
 * the wire tap, and the HTTP proxy (null for none).
 */
public record TransportSettings(int connectTimeoutMillis, int readTimeoutMillis, int writeTimeoutMillis,
        int maxIdlePerOrigin, long keepAliveNanos, TlsConfig tls, WireTap tap, WireLimits limits,
        ProxySettings proxy) {

    /** Returns the defaults: connect 10 s, read 60 s, write 60 s, 5 idle per origin, 60 s keep-alive. */
    public static TransportSettings defaults() {
        return new TransportSettings(10_000, 60_000, 60_000, ConnectionPool.DEFAULT_MAX_IDLE_PER_ORIGIN,
                ConnectionPool.DEFAULT_KEEP_ALIVE_NANOS, TlsConfig.defaults(), WireTap.NONE, WireLimits.defaults(), null);
    }
}
