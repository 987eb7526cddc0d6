package dev.courier.wire;

/**
 * Thrown when bytes received from a peer break an HTTP/1.1 rule or a configured limit.
 *
 * <p>The exception says which rule was broken ({@link #violation()}), where in the message it
 * happened ({@link #offset()}, counted from the first byte of the head, chunk stream or coded
 * body being parsed) and, for a server, which status code to answer with
 * ({@link #suggestedStatus()}): 400, 414, 431, 501 or 505. A parser that has thrown is left in
 * its failed state; the connection must be closed because the message boundary is lost.
 */
public final class HttpParseException extends RuntimeException {

    /** The rule or limit an input broke; each names the status a server should answer with. */
    public enum Violation {
        /** The request line is longer than {@link WireLimits#maxStartLineBytes()}. */
        REQUEST_LINE_TOO_LONG(414),
        /** The status line is longer than {@link WireLimits#maxStartLineBytes()}. */
        STATUS_LINE_TOO_LONG(400),
        /** The header section is larger than {@link WireLimits#maxHeaderBytes()}. */
        HEADER_SECTION_TOO_LARGE(431),
        /** More header fields than {@link WireLimits#maxHeaderCount()}. */
        TOO_MANY_HEADERS(431),
        /** The request line is not {@code method SP request-target SP HTTP-version}. */
        BAD_REQUEST_LINE(400),
        /** The method holds a character that is not a token character (RFC 9110 §9.1). */
        BAD_METHOD(400),
        /** The request-target holds a control, space or non-ASCII byte (RFC 9112 §3.2). */
        BAD_TARGET(400),
        /** The version is not {@code HTTP/DIGIT.DIGIT} (RFC 9112 §2.3). */
        BAD_VERSION(400),
        /** A well-formed version other than HTTP/1.0 or HTTP/1.1. */
        UNSUPPORTED_VERSION(505),
        /** The HTTP/2 connection preface {@code PRI * HTTP/2.0} was sent to an HTTP/1.1 server. */
        HTTP2_PREFACE(505),
        /** The status line is not {@code HTTP-version SP 3DIGIT [SP reason]}. */
        BAD_STATUS_LINE(400),
        /** A CR not followed by LF (RFC 9112 §2.2). */
        BARE_CR(400),
        /** A line ended by LF alone where CRLF is required (strict mode, RFC 9112 §2.2). */
        BARE_LF(400),
        /** A header line starting with SP or HTAB: obsolete line folding (RFC 9112 §5.2). */
        OBS_FOLD(400),
        /** Whitespace between a field name and the colon (RFC 9112 §5.1). */
        SPACE_BEFORE_COLON(400),
        /** A field line without a colon, or a name that is empty or not a token (RFC 9110 §5.1). */
        BAD_HEADER_NAME(400),
        /** A field value holding a control character other than HTAB (RFC 9110 §5.5). */
        BAD_HEADER_VALUE(400),
        /** An HTTP/1.1 request without a Host header field (RFC 9112 §3.2). */
        MISSING_HOST(400),
        /** A request with more than one Host header field (RFC 9112 §3.2). */
        DUPLICATE_HOST(400),
        /** Content-Length and Transfer-Encoding in one message (RFC 9112 §6.3, smuggling). */
        CONTENT_LENGTH_WITH_TRANSFER_ENCODING(400),
        /** A Content-Length that is not 1*DIGIT, or too large (RFC 9110 §8.6). */
        BAD_CONTENT_LENGTH(400),
        /** Content-Length values that differ (RFC 9110 §8.6). */
        CONFLICTING_CONTENT_LENGTH(400),
        /** Transfer-Encoding whose final coding is not chunked in a request (RFC 9112 §6.3). */
        CHUNKED_NOT_FINAL(400),
        /** A transfer coding other than chunked, or chunked twice (RFC 9112 §6.1, §7). */
        UNSUPPORTED_TRANSFER_CODING(501),
        /** Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1). */
        TRANSFER_ENCODING_IN_HTTP10(400),
        /** A chunk-size line that is not hex digits, optional extensions and CRLF (RFC 9112 §7.1). */
        BAD_CHUNK_SIZE(400),
        /** More chunk-size digits than {@link WireLimits#maxChunkSizeDigits()}, or overflow. */
        CHUNK_SIZE_TOO_LONG(400),
        /** Chunk extensions longer than {@link WireLimits#maxChunkExtensionBytes()}. */
        CHUNK_EXTENSION_TOO_LONG(400),
        /** Chunk data not followed by CRLF (RFC 9112 §7.1). */
        BAD_CHUNK_END(400),
        /** The trailer section is larger than {@link WireLimits#maxTrailerBytes()}. */
        TRAILER_SECTION_TOO_LARGE(431),
        /** The input ended before the message or coded content was complete. */
        TRUNCATED(400),
        /** A gzip member does not start with 1F 8B 08, or its header is malformed (RFC 1952). */
        BAD_GZIP_HEADER(400),
        /** A gzip trailer whose CRC-32 or length does not match the data (RFC 1952 §2.3.1). */
        GZIP_CHECKSUM_MISMATCH(400),
        /** Deflate data that zlib cannot decode (RFC 1950, RFC 1951). */
        BAD_DEFLATE_DATA(400);

        private final int status;

        Violation(int status) {
            this.status = status;
        }

        /** Returns the status code a server should answer with, e.g. 431 for a large head. */
        public int suggestedStatus() {
            return status;
        }
    }

    private final Violation violation;
    private final long offset;

    /** Creates an exception for {@code violation} found at byte {@code offset}. */
    public HttpParseException(Violation violation, long offset, String message) {
        super(message + " [" + violation + " at byte " + offset + "]");
        this.violation = violation;
        this.offset = offset;
    }

    /** Creates an exception for {@code violation} with the underlying cause (e.g. zlib's). */
    public HttpParseException(Violation violation, long offset, String message, Throwable cause) {
        this(violation, offset, message);
        initCause(cause);
    }

    /** Returns the rule or limit that was broken. */
    public Violation violation() {
        return violation;
    }

    /** Returns the offset of the offending byte from the start of what was being parsed. */
    public long offset() {
        return offset;
    }

    /** Returns the status code a server should answer with: 400, 414, 431, 501 or 505. */
    public int suggestedStatus() {
        return violation.suggestedStatus();
    }
}
