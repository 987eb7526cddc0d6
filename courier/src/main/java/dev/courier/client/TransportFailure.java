package dev.courier.client;

import java.io.IOException;

/**
 * Why one exchange failed, as the front door needs to know it: the kind picks the public
 * exception type, {@link #responseStarted()} decides whether a retry is allowed.
 */
public final class TransportFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** The failure classes that map one-to-one to public exception types. */
    public enum Kind {
        /** The TCP connection could not be made (refused, unreachable, reset while connecting). */
        CONNECT_FAILED,
        /** The connect timeout passed before the TCP or TLS handshake finished. */
        CONNECT_TIMEOUT,
        /** The TLS handshake failed: untrusted chain, host name mismatch, expired certificate. */
        TLS,
        /** No byte arrived within the read timeout. */
        READ_TIMEOUT,
        /** A write did not finish within the write timeout. */
        WRITE_TIMEOUT,
        /** The total deadline of the call passed. */
        DEADLINE,
        /** The connection broke while the request or response was in flight. */
        CONNECTION_LOST,
        /** The peer sent bytes that are not a valid HTTP/1.1 response. */
        PROTOCOL
    }

    private final Kind kind;
    private final boolean responseStarted;

    /** Creates a failure of {@code kind}; {@code responseStarted} is true once a response byte was read. */
    public TransportFailure(Kind kind, boolean responseStarted, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.responseStarted = responseStarted;
    }

    /** Returns the failure class. */
    public Kind kind() {
        return kind;
    }

    /** Returns true when at least one byte of the response had arrived. */
    public boolean responseStarted() {
        return responseStarted;
    }
}
