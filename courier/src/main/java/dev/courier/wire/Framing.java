package dev.courier.wire;

import dev.courier.http.Headers;
import dev.courier.http.Method;

/**
 * How a message body is delimited on the wire: the decision of RFC 9112 §6.3.
 *
 * <p>Obtain one from {@link RequestHead#framing()} or {@link ResponseHead#framing(Method)}, then
 * hand it to {@link BodyDecoder#forFraming} to read the body. Ambiguous framing is always an error,
 * in requests and responses alike, because reading it either way lets a peer smuggle a message:
 * Content-Length together with Transfer-Encoding, Content-Length values that differ or are not
 * plain decimal digits. Identical repeated values ({@code Content-Length: 5, 5} or two fields
 * holding 5) are accepted as one, as RFC 9110 §8.6 permits and h11 does.
 */
public final class Framing {

    /** The kinds of body delimitation. */
    public enum Kind {
        /** No body at all (a request without length headers, HEAD responses, 1xx, 204, 304). */
        NONE,
        /** Exactly {@link #contentLength()} bytes. */
        CONTENT_LENGTH,
        /** The chunked transfer coding (RFC 9112 §7.1). */
        CHUNKED,
        /** Everything until the peer closes the connection (responses only). */
        UNTIL_CLOSE
    }

    /** No body. */
    public static final Framing NONE = new Framing(Kind.NONE, 0);
    /** A chunked body. */
    public static final Framing CHUNKED = new Framing(Kind.CHUNKED, -1);
    /** A body that ends when the connection closes. */
    public static final Framing UNTIL_CLOSE = new Framing(Kind.UNTIL_CLOSE, -1);

    /** More digits could overflow a long; 18 nines is still about 999 petabytes. */
    private static final int MAX_LENGTH_DIGITS = 18;

    private final Kind kind;
    private final long length;

    private Framing(Kind kind, long length) {
        this.kind = kind;
        this.length = length;
    }

    /** Returns framing for a body of exactly {@code length} bytes. */
    public static Framing contentLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("content length must not be negative: " + length);
        }
        return new Framing(Kind.CONTENT_LENGTH, length);
    }

    /** Returns the kind of delimitation. */
    public Kind kind() {
        return kind;
    }

    /** Returns the body length for CONTENT_LENGTH, 0 for NONE, -1 when unknown in advance. */
    public long contentLength() {
        return length;
    }

    /** Returns false only when the message certainly has no body bytes. */
    public boolean hasBody() {
        return length != 0;
    }

    /**
     * Returns the framing of a request with these headers (RFC 9112 §6.3 rules 3, 4, 6, 7).
     * Refuses Transfer-Encoding in HTTP/1.0, with Content-Length, or without chunked last.
     */
    static Framing forRequest(Headers headers, HttpVersion version, long offset) {
        Codings te = Codings.of(headers);
        String cl = contentLengthField(headers);
        if (te != null) {
            if (cl != null) {
                throw clWithTe(offset);
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw new HttpParseException(HttpParseException.Violation.TRANSFER_ENCODING_IN_HTTP10, offset,
                        "Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1); send Content-Length or use HTTP/1.1");
            }
            if (!te.chunkedLast) {
                throw new HttpParseException(HttpParseException.Violation.CHUNKED_NOT_FINAL, offset,
                        "Transfer-Encoding " + WireChars.quote(te.text)
                                + " does not end with chunked, so the request length is unknown (RFC 9112 §6.3)");
            }
            if (te.other != null) {
                throw unsupported(te, offset);
            }
            return CHUNKED;
        }
        if (cl != null) {
            return contentLength(parseContentLength(headers, offset));
        }
        return NONE;
    }

    /**
     * Returns what a response's headers alone declare: CHUNKED, CONTENT_LENGTH(n) or UNTIL_CLOSE
     * (RFC 9112 §6.3 rules 3 to 5 and 8). Codings other than chunked are refused because the
     * client could not undo them.
     */
    static Framing declaredByResponse(Headers headers, long offset) {
        Codings te = Codings.of(headers);
        String cl = contentLengthField(headers);
        if (te != null) {
            if (cl != null) {
                throw clWithTe(offset);
            }
            if (te.other != null || !te.chunkedLast) {
                throw unsupported(te, offset);
            }
            return CHUNKED;
        }
        if (cl != null) {
            return contentLength(parseContentLength(headers, offset));
        }
        return UNTIL_CLOSE;
    }

    /** Applies the rules that depend on status and request method (RFC 9112 §6.3 rules 1, 2). */
    static Framing forResponse(Framing declared, int status, Method requestMethod) {
        if (Method.HEAD.equals(requestMethod) || status < 200 || status == 204 || status == 304) {
            return NONE;
        }
        if (Method.CONNECT.equals(requestMethod) && status < 300) {
            return NONE;
        }
        return declared;
    }

    private static String contentLengthField(Headers headers) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            if (isName(headers.name(i), "Content-Length")) {
                return headers.value(i);
            }
        }
        return null;
    }

    /** Returns the single length all Content-Length fields and list elements agree on. */
    private static long parseContentLength(Headers headers, long offset) {
        long result = -1;
        for (int f = 0, n = headers.size(); f < n; f++) {
            if (isName(headers.name(f), "Content-Length")) {
                result = parseContentLength(headers.value(f), result, offset);
            }
        }
        return result;
    }

    /**
     * Returns the framing declared by a message whose only length field is one Content-Length
     * holding {@code value}: the parsers' shortcut, found by field id, to what
     * {@link #forRequest} and {@link #declaredByResponse} decide for such headers.
     */
    static Framing forSingleContentLength(String value, long offset) {
        return contentLength(parseContentLength(value, -1, offset));
    }

    /**
     * Returns the length in one Content-Length value, a list whose elements must all agree with
     * each other and with {@code result} (the length seen so far, or -1).
     */
    private static long parseContentLength(String v, long result, long offset) {
        int i = 0;
        int len = v.length();
        do {
            int start = i;
            while (i < len && v.charAt(i) != ',') {
                i++;
            }
            int s = start;
            int e = i;
            while (s < e && (v.charAt(s) == ' ' || v.charAt(s) == '\t')) {
                s++;
            }
            while (e > s && (v.charAt(e - 1) == ' ' || v.charAt(e - 1) == '\t')) {
                e--;
            }
            long value = parseDigits(v, s, e, offset);
            if (result >= 0 && result != value) {
                throw new HttpParseException(HttpParseException.Violation.CONFLICTING_CONTENT_LENGTH, offset,
                        "Content-Length values differ (" + result + " and " + value + ") (RFC 9110 §8.6)");
            }
            result = value;
            i++;
        } while (i <= len);
        return result;
    }

    private static long parseDigits(String v, int s, int e, long offset) {
        if (s == e || e - s > MAX_LENGTH_DIGITS) {
            throw badLength(v, offset, s == e ? "empty" : "more than " + MAX_LENGTH_DIGITS + " digits");
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw badLength(v, offset, WireChars.describe(c) + " is not a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static HttpParseException badLength(String v, long offset, String why) {
        return new HttpParseException(HttpParseException.Violation.BAD_CONTENT_LENGTH, offset,
                "Content-Length " + WireChars.quote(v) + " is invalid: " + why
                        + "; it must be decimal digits only (RFC 9110 §8.6)");
    }

    private static HttpParseException clWithTe(long offset) {
        return new HttpParseException(HttpParseException.Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, offset,
                "message has both Content-Length and Transfer-Encoding; the body length is ambiguous"
                        + " (RFC 9112 §6.3, request smuggling); send only one of them");
    }

    private static HttpParseException unsupported(Codings te, long offset) {
        return new HttpParseException(HttpParseException.Violation.UNSUPPORTED_TRANSFER_CODING, offset,
                "Transfer-Encoding " + WireChars.quote(te.text) + " is not supported"
                        + (te.other != null ? " (coding " + WireChars.quote(te.other) + ")" : "")
                        + "; only a single chunked coding is (RFC 9112 §6.1, §7)");
    }

    /** Fast path for interned names, then the case-insensitive comparison. */
    private static boolean isName(String name, String wanted) {
        return name == wanted || name.equalsIgnoreCase(wanted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Framing && ((Framing) o).kind == kind && ((Framing) o).length == length;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Long.hashCode(length);
    }

    /** Returns e.g. {@code CHUNKED} or {@code CONTENT_LENGTH(42)}. */
    @Override
    public String toString() {
        return kind == Kind.CONTENT_LENGTH ? "CONTENT_LENGTH(" + length + ")" : kind.name();
    }

    /** The transfer codings named by all Transfer-Encoding fields, in order. */
    private static final class Codings {
        String text = "";
        boolean chunkedLast;
        boolean seenChunked;
        /** The first coding other than chunked, or a repeated chunked; null when none. */
        String other;

        static Codings of(Headers headers) {
            Codings c = null;
            for (int f = 0, n = headers.size(); f < n; f++) {
                if (!isName(headers.name(f), "Transfer-Encoding")) {
                    continue;
                }
                if (c == null) {
                    c = new Codings();
                    c.text = headers.value(f);
                } else {
                    c.text = c.text + ", " + headers.value(f);
                }
                c.scan(headers.value(f));
            }
            return c;
        }

        private void scan(String v) {
            int len = v.length();
            int i = 0;
            while (i < len) {
                while (i < len && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == ',')) {
                    i++;
                }
                if (i == len) {
                    break;
                }
                int start = i;
                while (i < len && v.charAt(i) != ',') {
                    i++;
                }
                int end = i;
                while (end > start && (v.charAt(end - 1) == ' ' || v.charAt(end - 1) == '\t')) {
                    end--;
                }
                boolean chunked = end - start == 7 && v.regionMatches(true, start, "chunked", 0, 7);
                if (other == null && (!chunked || seenChunked)) {
                    other = v.substring(start, end);
                }
                seenChunked |= chunked;
                chunkedLast = chunked;
            }
        }
    }
}
