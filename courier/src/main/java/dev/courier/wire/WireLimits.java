package dev.courier.wire;

/**
 * Size limits applied while parsing HTTP/1.1 messages; every parser checks them as bytes arrive,
 * so an oversized message is refused before it is buffered.
 *
 * <p>Immutable; make one with {@link #builder()} or use {@link #defaults()}. Tests use tiny values:
 *
 * <pre>{@code
 * WireLimits tiny = WireLimits.builder().maxHeaderBytes(64).maxHeaderCount(3).build();
 * }</pre>
 */
public final class WireLimits {

    /**
     * Longest request or status line, CRLF included: 8 KiB, as nginx
     * ({@code large_client_header_buffers 4 8k}) and Tomcat; RFC 9112 §3 recommends at least 8000
     * octets for the request line.
     */
    public static final int DEFAULT_MAX_START_LINE_BYTES = 8192;
    /**
     * Largest header section (field lines and the final empty line): 16 KiB, as Node.js
     * ({@code --max-http-header-size}) and h11 ({@code max_incomplete_event_size}).
     */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16384;
    /** Most header fields in one section: 100, as Tomcat {@code maxHeaderCount} and Apache {@code LimitRequestFields}. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;
    /**
     * Most hex digits in a chunk size: 16, enough for any size a {@code long} holds; leading
     * zeros beyond that are refused to bound the work per line.
     */
    public static final int DEFAULT_MAX_CHUNK_SIZE_DIGITS = 16;
    /** Longest chunk extension per chunk: 4 KiB, as Go's net/http chunked reader line limit. */
    public static final int DEFAULT_MAX_CHUNK_EXTENSION_BYTES = 4096;
    /** Largest trailer section: 8 KiB; trailers are rare and small (RFC 9110 §6.5). */
    public static final int DEFAULT_MAX_TRAILER_BYTES = 8192;

    private static final WireLimits DEFAULTS = builder().build();

    private final int maxStartLineBytes;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final int maxChunkSizeDigits;
    private final int maxChunkExtensionBytes;
    private final int maxTrailerBytes;

    private WireLimits(Builder b) {
        this.maxStartLineBytes = b.maxStartLineBytes;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxHeaderCount = b.maxHeaderCount;
        this.maxChunkSizeDigits = b.maxChunkSizeDigits;
        this.maxChunkExtensionBytes = b.maxChunkExtensionBytes;
        this.maxTrailerBytes = b.maxTrailerBytes;
    }

    /** Returns the limits with every {@code DEFAULT_MAX_*} value. */
    public static WireLimits defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these limits, for a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.maxStartLineBytes = maxStartLineBytes;
        b.maxHeaderBytes = maxHeaderBytes;
        b.maxHeaderCount = maxHeaderCount;
        b.maxChunkSizeDigits = maxChunkSizeDigits;
        b.maxChunkExtensionBytes = maxChunkExtensionBytes;
        b.maxTrailerBytes = maxTrailerBytes;
        return b;
    }

    /** Returns the longest request or status line accepted, CRLF included. */
    public int maxStartLineBytes() {
        return maxStartLineBytes;
    }

    /** Returns the largest header section accepted, line ends and the empty line included. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Returns the most header (or trailer) fields accepted in one section. */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /** Returns the most hex digits accepted in a chunk size. */
    public int maxChunkSizeDigits() {
        return maxChunkSizeDigits;
    }

    /** Returns the longest chunk extension accepted, from the first ';' to the line end. */
    public int maxChunkExtensionBytes() {
        return maxChunkExtensionBytes;
    }

    /** Returns the largest trailer section accepted, line ends and the empty line included. */
    public int maxTrailerBytes() {
        return maxTrailerBytes;
    }

    @Override
    public String toString() {
        return "WireLimits{maxStartLineBytes=" + maxStartLineBytes + ", maxHeaderBytes=" + maxHeaderBytes
                + ", maxHeaderCount=" + maxHeaderCount + ", maxChunkSizeDigits=" + maxChunkSizeDigits
                + ", maxChunkExtensionBytes=" + maxChunkExtensionBytes + ", maxTrailerBytes=" + maxTrailerBytes + "}";
    }

    /** A validating builder of {@link WireLimits}; every value must be positive. */
    public static final class Builder {
        private int maxStartLineBytes = DEFAULT_MAX_START_LINE_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxHeaderCount = DEFAULT_MAX_HEADER_COUNT;
        private int maxChunkSizeDigits = DEFAULT_MAX_CHUNK_SIZE_DIGITS;
        private int maxChunkExtensionBytes = DEFAULT_MAX_CHUNK_EXTENSION_BYTES;
        private int maxTrailerBytes = DEFAULT_MAX_TRAILER_BYTES;

        private Builder() {
        }

        /** Sets the longest request or status line, CRLF included. */
        public Builder maxStartLineBytes(int value) {
            this.maxStartLineBytes = positive("maxStartLineBytes", value);
            return this;
        }

        /** Sets the largest header section, line ends and the final empty line included. */
        public Builder maxHeaderBytes(int value) {
            this.maxHeaderBytes = positive("maxHeaderBytes", value);
            return this;
        }

        /** Sets the most fields in one header or trailer section. */
        public Builder maxHeaderCount(int value) {
            this.maxHeaderCount = positive("maxHeaderCount", value);
            return this;
        }

        /** Sets the most hex digits in a chunk size; at most 16 are useful. */
        public Builder maxChunkSizeDigits(int value) {
            this.maxChunkSizeDigits = positive("maxChunkSizeDigits", value);
            return this;
        }

        /** Sets the longest chunk extension. */
        public Builder maxChunkExtensionBytes(int value) {
            this.maxChunkExtensionBytes = positive("maxChunkExtensionBytes", value);
            return this;
        }

        /** Sets the largest trailer section. */
        public Builder maxTrailerBytes(int value) {
            this.maxTrailerBytes = positive("maxTrailerBytes", value);
            return this;
        }

        /** Returns the immutable limits. */
        public WireLimits build() {
            return new WireLimits(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
