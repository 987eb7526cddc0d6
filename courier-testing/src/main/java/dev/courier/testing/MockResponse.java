package dev.courier.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable scripted response for {@link MockServer}: status, headers and body, plus the
 * faults a test needs (delays, chunking, a disconnect or a stall after N bytes, raw bytes).
 *
 * <pre>{@code
 * server.enqueue(MockResponse.builder().status(200).body("hello").build());
 * server.enqueue(MockResponse.builder().body("x".repeat(1000)).disconnectAfterBytes(200).build());
 * server.enqueue(MockResponse.builder().stall().build());          // never answers
 * server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello"));
 * }</pre>
 *
 * <p>Unless {@link Builder#chunked(int)} is used or the raw bytes are given, the server adds
 * {@code Content-Length} from the body. Byte counts for {@link Builder#disconnectAfterBytes} and
 * {@link Builder#stallAfterBytes} cover everything sent for this response, head included.
 */
public final class MockResponse {

    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final byte[] raw;
    private final Duration headDelay;
    private final Duration bodyDelay;
    private final int chunkSize;
    private final long disconnectAfter;
    private final long stallAfter;
    private final boolean closeConnection;

    private MockResponse(Builder b) {
        this.status = b.status;
        this.reason = b.reason;
        this.headers = List.copyOf(b.headers);
        this.body = b.body.clone();
        this.raw = b.raw == null ? null : b.raw.clone();
        this.headDelay = b.headDelay;
        this.bodyDelay = b.bodyDelay;
        this.chunkSize = b.chunkSize;
        this.disconnectAfter = b.disconnectAfter;
        this.stallAfter = b.stallAfter;
        this.closeConnection = b.closeConnection;
    }

    /** Returns a new builder for a 200 response with an empty body. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a 200 response with {@code body} as UTF-8 text/plain. */
    public static MockResponse text(String body) {
        return builder().header("Content-Type", "text/plain; charset=utf-8").body(body).build();
    }

    /** Returns a response of {@code status} with an empty body. */
    public static MockResponse status(int status) {
        return builder().status(status).build();
    }

    /**
     * Returns a response that writes exactly {@code bytes} (ISO-8859-1) and nothing else, for
     * malformed responses, e.g. {@code MockResponse.raw("HTTP/1.1 200 OK\r\nbroken\r\n\r\n")}.
     * The server closes the connection after it.
     */
    public static MockResponse raw(String bytes) {
        return builder().raw(bytes.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    /** Returns a copy of this response's builder, for a variation. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.reason = reason;
        b.headers.addAll(headers);
        b.body = body.clone();
        b.raw = raw == null ? null : raw.clone();
        b.headDelay = headDelay;
        b.bodyDelay = bodyDelay;
        b.chunkSize = chunkSize;
        b.disconnectAfter = disconnectAfter;
        b.stallAfter = stallAfter;
        b.closeConnection = closeConnection;
        return b;
    }

    /** Returns the status code. */
    public int status() {
        return status;
    }

    /** Returns the reason phrase sent after the code. */
    public String reason() {
        return reason;
    }

    /** Returns the header fields in order (framing headers the server adds are not included). */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Returns a copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns a copy of the raw bytes sent instead of a built response, or null. */
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    /** Returns the pause before the first byte of the head. */
    public Duration headDelay() {
        return headDelay;
    }

    /** Returns the pause between the head and the body. */
    public Duration bodyDelay() {
        return bodyDelay;
    }

    /** Returns the chunk size when the body is sent chunked, else 0. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Returns the byte count after which the connection is closed, or -1. */
    public long disconnectAfterBytes() {
        return disconnectAfter;
    }

    /** Returns the byte count after which the server stops sending until it is closed, or -1. */
    public long stallAfterBytes() {
        return stallAfter;
    }

    /** Returns true when the connection is closed after this response. */
    public boolean closesConnection() {
        return closeConnection || raw != null || disconnectAfter >= 0;
    }

    @Override
    public String toString() {
        return raw != null ? "MockResponse{raw " + raw.length + " bytes}"
                : "MockResponse{" + status + " " + reason + ", " + body.length + " body bytes}";
    }

    /** Builds a {@link MockResponse}; every setter checks its argument. */
    public static final class Builder {
        private int status = 200;
        private String reason = "OK";
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private byte[] raw;
        private Duration headDelay = Duration.ZERO;
        private Duration bodyDelay = Duration.ZERO;
        private int chunkSize;
        private long disconnectAfter = -1;
        private long stallAfter = -1;
        private boolean closeConnection;

        private Builder() {
        }

        /** Sets the status code (100..999) and a matching reason phrase ("OK" for 200, else "Mock"). */
        public Builder status(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("status must be three digits (100..999), got " + status);
            }
            this.status = status;
            this.reason = status == 200 ? "OK" : "Mock";
            return this;
        }

        /** Sets the reason phrase, e.g. "Not Found"; CR and LF are refused. */
        public Builder reason(String reason) {
            this.reason = checkLine("reason", reason);
            return this;
        }

        /** Adds a header field; CR and LF are refused (use {@link MockResponse#raw} for broken bytes). */
        public Builder header(String name, String value) {
            headers.add(Map.entry(checkLine("header name", name), checkLine("header value", value)));
            return this;
        }

        /** Sets the body to {@code text} in UTF-8. */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets the body to {@code bytes} (copied). */
        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "body").clone();
            return this;
        }

        /** Sends {@code bytes} verbatim instead of a built response, then closes. */
        public Builder raw(byte[] bytes) {
            this.raw = Objects.requireNonNull(bytes, "raw").clone();
            return this;
        }

        /** Waits {@code delay} after reading the request, before sending the head. */
        public Builder headDelay(Duration delay) {
            this.headDelay = nonNegative("headDelay", delay);
            return this;
        }

        /** Waits {@code delay} between the head and the body. */
        public Builder bodyDelay(Duration delay) {
            this.bodyDelay = nonNegative("bodyDelay", delay);
            return this;
        }

        /** Sends the body with {@code Transfer-Encoding: chunked}, {@code size} bytes per chunk. */
        public Builder chunked(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
            }
            this.chunkSize = size;
            return this;
        }

        /** Closes the connection once {@code bytes} bytes of this response were sent (0: before any). */
        public Builder disconnectAfterBytes(long bytes) {
            this.disconnectAfter = nonNegative("disconnectAfterBytes", bytes);
            return this;
        }

        /** Stops sending once {@code bytes} bytes were sent and holds the connection until the server closes. */
        public Builder stallAfterBytes(long bytes) {
            this.stallAfter = nonNegative("stallAfterBytes", bytes);
            return this;
        }

        /** Reads the request and never answers, until the server is closed. */
        public Builder stall() {
            return stallAfterBytes(0);
        }

        /** Sends {@code Connection: close} and closes the connection after the response. */
        public Builder closeConnection() {
            this.closeConnection = true;
            return header("Connection", "close");
        }

        /** Returns the response. */
        public MockResponse build() {
            return new MockResponse(this);
        }

        private static long nonNegative(String what, long v) {
            if (v < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, got " + v);
            }
            return v;
        }

        private static Duration nonNegative(String what, Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + d);
            }
            return d;
        }

        private static String checkLine(String what, String s) {
            if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(what + " contains CR or LF: " + s.replace("\r", "\\r").replace("\n", "\\n")
                        + "; use MockResponse.raw(...) to send malformed bytes on purpose");
            }
            return s;
        }
    }
}
