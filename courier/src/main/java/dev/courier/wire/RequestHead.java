package dev.courier.wire;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.util.Objects;

/**
 * The head of an HTTP/1.1 request: request line and header section (RFC 9112 §3, §5).
 *
 * <p>Immutable. The server gets one from {@link HeadParser#forRequests}; the client builds one to
 * write with {@link HeadWriter}:
 *
 * <pre>{@code
 * RequestHead head = RequestHead.builder(Method.GET, "/users?page=2")
 *     .headers(Headers.of("Host", "example.com"))
 *     .build();
 * }</pre>
 *
 * <p>The builder refuses a request-target holding control characters, spaces or non-ASCII
 * characters, so a head can never split the request line.
 */
public final class RequestHead {

    private final Method method;
    private final String target;
    private final HttpVersion version;
    private final Headers headers;
    /** Framing declared by the headers; set by the parser, which has already checked it. */
    private Framing framing;

    RequestHead(Method method, String target, HttpVersion version, Headers headers, Framing framing) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
        this.framing = framing;
    }

    /** Returns a builder for a request of {@code method} to {@code target}, HTTP/1.1, no headers. */
    public static Builder builder(Method method, String target) {
        return new Builder(method, target);
    }

    /** Returns a builder holding this head's parts, for a changed copy. */
    public Builder newBuilder() {
        return new Builder(method, target).version(version).headers(headers);
    }

    /** Returns the method, e.g. {@link Method#GET}. */
    public Method method() {
        return method;
    }

    /** Returns the request-target exactly as on the wire, e.g. {@code "/a?b=c"} or {@code "*"}. */
    public String target() {
        return target;
    }

    /** Returns the protocol version. */
    public HttpVersion version() {
        return version;
    }

    /** Returns the header fields in wire order. */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns how the request's body is delimited (RFC 9112 §6.3): CHUNKED, CONTENT_LENGTH(n) or
     * NONE.
     *
     * @throws HttpParseException if Content-Length or Transfer-Encoding is malformed or
     *     ambiguous (only possible for a head that was built, not parsed)
     */
    public Framing framing() {
        Framing f = framing;
        if (f == null) {
            f = Framing.forRequest(headers, version, 0);
            framing = f;
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RequestHead)) {
            return false;
        }
        RequestHead r = (RequestHead) o;
        return method.equals(r.method) && target.equals(r.target) && version == r.version && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, version, headers);
    }

    /** Returns the head as it would be written, line ends shown as {@code \n}. */
    @Override
    public String toString() {
        return method + " " + target + " " + version + "\n" + headers;
    }

    /** A validating builder of {@link RequestHead}. */
    public static final class Builder {
        private final Method method;
        private final String target;
        private HttpVersion version = HttpVersion.HTTP_1_1;
        private Headers headers = Headers.empty();

        private Builder(Method method, String target) {
            this.method = Objects.requireNonNull(method, "method");
            this.target = checkTarget(target);
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
        public RequestHead build() {
            return new RequestHead(method, target, version, headers, null);
        }

        private static String checkTarget(String target) {
            Objects.requireNonNull(target, "target");
            if (target.isEmpty()) {
                throw new IllegalArgumentException("request-target is empty; use \"/\" for the root (RFC 9112 §3.2)");
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= 0x20 || c >= 0x7F) {
                    throw new IllegalArgumentException("invalid request-target " + WireChars.quote(target) + ": "
                            + (c > 0xFF ? "U+" + Integer.toHexString(c) : WireChars.describe(c)) + " at offset " + i
                            + "; percent-encode spaces, controls and non-ASCII characters (RFC 3986 §2.1)");
                }
            }
            return target;
        }
    }
}
