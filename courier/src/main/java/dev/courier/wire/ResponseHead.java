package dev.courier.wire;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.util.Objects;

/**
 * The head of an HTTP/1.1 response: status line and header section (RFC 9112 §4, §5).
 *
 * <p>Immutable. The client gets one from {@link HeadParser#forResponses}; the server builds one to
 * write with {@link HeadWriter}:
 *
 * <pre>{@code
 * ResponseHead head = ResponseHead.builder(404, "Not Found")
 *     .headers(Headers.of("Content-Length", "0"))
 *     .build();
 * }</pre>
 *
 * <p>The reason phrase may be empty; the builder refuses one holding CR, LF, NUL or other control
 * characters except HTAB, so it can never split the response.
 */
public final class ResponseHead {

    private final HttpVersion version;
    private final int status;
    private final String reason;
    private final Headers headers;
    /** Framing declared by the headers alone (status and request method not applied). */
    private Framing declared;

    ResponseHead(HttpVersion version, int status, String reason, Headers headers, Framing declared) {
        this.version = version;
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.declared = declared;
    }

    /** Returns a builder for an HTTP/1.1 response with {@code status} and {@code reason}. */
    public static Builder builder(int status, String reason) {
        return new Builder(status, reason);
    }

    /** Returns a builder holding this head's parts, for a changed copy. */
    public Builder newBuilder() {
        return new Builder(status, reason).version(version).headers(headers);
    }

    /** Returns the protocol version. */
    public HttpVersion version() {
        return version;
    }

    /** Returns the three-digit status code, e.g. 200. */
    public int status() {
        return status;
    }

    /** Returns the reason phrase as sent; may be empty. */
    public String reason() {
        return reason;
    }

    /** Returns the header fields in wire order. */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns how the body of this response to a {@code requestMethod} request is delimited
     * (RFC 9112 §6.3): no body for HEAD, 1xx, 204, 304 and 2xx to CONNECT, else chunked,
     * Content-Length or until the connection closes.
     *
     * @throws HttpParseException if Content-Length or Transfer-Encoding is malformed or
     *     ambiguous (only possible for a head that was built, not parsed)
     */
    public Framing framing(Method requestMethod) {
        Framing d = declared;
        if (d == null) {
            d = Framing.declaredByResponse(headers, 0);
            declared = d;
        }
        return Framing.forResponse(d, status, requestMethod);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResponseHead)) {
            return false;
        }
        ResponseHead r = (ResponseHead) o;
        return version == r.version && status == r.status && reason.equals(r.reason) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, status, reason, headers);
    }

    /** Returns the head as it would be written, line ends shown as {@code \n}. */
    @Override
    public String toString() {
        return version + " " + status + " " + reason + "\n" + headers;
    }

    /** A validating builder of {@link ResponseHead}. */
    public static final class Builder {
        private final int status;
        private final String reason;
        private HttpVersion version = HttpVersion.HTTP_1_1;
        private Headers headers = Headers.empty();

        private Builder(int status, String reason) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("status " + status + " is not a three-digit code (RFC 9110 §15)");
            }
            this.status = status;
            this.reason = checkReason(reason);
        }

        /** Sets the version; HTTP/1.1 when not called. */
        public Builder version(HttpVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Sets the header fields; Headers are validated when built. */
        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** Returns the immutable head. */
        public ResponseHead build() {
            return new ResponseHead(version, status, reason, headers, null);
        }

        private static String checkReason(String reason) {
            Objects.requireNonNull(reason, "reason");
            for (int i = 0; i < reason.length(); i++) {
                char c = reason.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                    throw new IllegalArgumentException("invalid reason phrase " + WireChars.quote(reason) + ": "
                            + (c > 0xFF ? "U+" + Integer.toHexString(c) : WireChars.describe(c)) + " at offset " + i
                            + " (RFC 9112 §4 allows HTAB, SP, visible ASCII and obs-text)");
                }
            }
            return reason;
        }
    }
}
