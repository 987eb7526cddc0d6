package dev.courier.wire;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;

/**
 * The strict request-head parser behind {@link HeadParser#forRequests}: request line per
 * RFC 9112 §3 with single spaces, Host rules of §3.2 and the request framing rules of §6.3.
 */
final class RequestHeadParser extends HeadParser<RequestHead> {

    /** Standard methods matched on bytes, so the common ones build no String. */
    private static final Method[] METHODS = {
        Method.GET, Method.POST, Method.PUT, Method.HEAD, Method.DELETE, Method.PATCH,
        Method.OPTIONS, Method.CONNECT, Method.TRACE,
    };
    private static final byte[][] METHOD_BYTES = new byte[METHODS.length][];

    static {
        for (int i = 0; i < METHODS.length; i++) {
            METHOD_BYTES[i] = METHODS[i].name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Method method;
    private String target;
    private HttpVersion version;

    RequestHeadParser(WireLimits limits) {
        super(limits, true);
    }

    @Override
    void parseStartLine(byte[] line, int len) {
        int i = 0;
        while (i < len && WireChars.isTchar(line[i])) {
            i++;
        }
        if (i == len || line[i] != ' ') {
            if (i < len && line[i] == '\r') {
                throw FieldSection.bareCr(offset + i, "request line");
            }
            if (i == len || i == 0) {
                throw badLine(line, len, i, "expected method SP request-target SP HTTP-version");
            }
            throw new HttpParseException(HttpParseException.Violation.BAD_METHOD, offset + i,
                    "method in request line " + WireChars.quote(line, 0, len) + " holds " + WireChars.describe(line[i])
                            + ", not a token character (RFC 9110 §9.1)");
        }
        if (i == 0) {
            throw badLine(line, len, 0, "the line starts with a space, the method is missing");
        }
        int methodEnd = i;
        int targetStart = ++i;
        while (i < len && WireChars.isTargetByte(line[i])) {
            i++;
        }
        if (i == len) {
            throw badLine(line, len, i, "no HTTP-version after the request-target (HTTP/0.9 is not supported)");
        }
        if (line[i] != ' ') {
            if (line[i] == '\r') {
                throw FieldSection.bareCr(offset + i, "request line");
            }
            throw new HttpParseException(HttpParseException.Violation.BAD_TARGET, offset + i,
                    "request-target in " + WireChars.quote(line, 0, len) + " holds " + WireChars.describe(line[i])
                            + "; percent-encode it (RFC 9112 §3.2, RFC 3986 §2.1)");
        }
        if (i == targetStart) {
            throw badLine(line, len, i, "the request-target is empty (two spaces after the method)");
        }
        int targetEnd = i;
        int v = i + 1;
        version = parseVersion(line, v, len, methodEnd, targetStart, targetEnd);
        method = method(line, methodEnd);
        target = targetEnd - targetStart == 1 && line[targetStart] == '/'
                ? "/" : new String(line, targetStart, targetEnd - targetStart, StandardCharsets.ISO_8859_1);
    }

    private HttpVersion parseVersion(byte[] line, int v, int len, int methodEnd, int targetStart, int targetEnd) {
        int n = len - v;
        if (n == 8 && line[v] == 'H' && line[v + 1] == 'T' && line[v + 2] == 'T' && line[v + 3] == 'P'
                && line[v + 4] == '/' && isDigit(line[v + 5]) && line[v + 6] == '.' && isDigit(line[v + 7])) {
            if (line[v + 5] == '1' && line[v + 7] == '1') {
                return HttpVersion.HTTP_1_1;
            }
            if (line[v + 5] == '1' && line[v + 7] == '0') {
                return HttpVersion.HTTP_1_0;
            }
            if (line[v + 5] == '2' && line[v + 7] == '0' && methodEnd == 3 && line[0] == 'P' && line[1] == 'R'
                    && line[2] == 'I' && targetEnd - targetStart == 1 && line[targetStart] == '*') {
                throw new HttpParseException(HttpParseException.Violation.HTTP2_PREFACE, offset,
                        "received the HTTP/2 connection preface \"PRI * HTTP/2.0\"; this server speaks HTTP/1.1 only"
                                + " (RFC 9113 §3.4); the client must not assume prior knowledge of HTTP/2");
            }
            throw new HttpParseException(HttpParseException.Violation.UNSUPPORTED_VERSION, offset + v,
                    "HTTP version " + WireChars.quote(line, v, n) + " is not supported; use HTTP/1.1 or HTTP/1.0");
        }
        for (int i = v; i < len; i++) {
            if (line[i] == '\r') {
                throw FieldSection.bareCr(offset + i, "request line");
            }
            if (line[i] == ' ') {
                throw badLine(line, len, i, "more than two spaces; is there an unencoded space in the request-target?");
            }
        }
        throw new HttpParseException(HttpParseException.Violation.BAD_VERSION, offset + v,
                "malformed HTTP version " + WireChars.quote(line, v, n) + " in request line "
                        + WireChars.quote(line, 0, len) + "; expected e.g. HTTP/1.1 (RFC 9112 §2.3)");
    }

    private static Method method(byte[] line, int len) {
        for (int m = 0; m < METHOD_BYTES.length; m++) {
            byte[] b = METHOD_BYTES[m];
            if (b.length == len) {
                int i = 0;
                while (i < len && line[i] == b[i]) {
                    i++;
                }
                if (i == len) {
                    return METHODS[m];
                }
            }
        }
        return Method.of(new String(line, 0, len, StandardCharsets.US_ASCII));
    }

    @Override
    RequestHead finish(Headers headers, long end) {
        int hosts = countFields(FieldNames.HOST);
        if (hosts > 1) {
            throw new HttpParseException(HttpParseException.Violation.DUPLICATE_HOST, end,
                    "request has " + hosts + " Host fields; exactly one is allowed (RFC 9112 §3.2)");
        }
        if (hosts == 0 && version == HttpVersion.HTTP_1_1) {
            throw new HttpParseException(HttpParseException.Violation.MISSING_HOST, end,
                    "HTTP/1.1 request without a Host field (RFC 9112 §3.2); send \"Host: name[:port]\"");
        }
        String length = singleContentLength();
        Framing framing = length != null ? Framing.forSingleContentLength(length, end)
                : hasLengthFields() ? Framing.forRequest(headers, version, end) : Framing.NONE;
        return new RequestHead(method, target, version, headers, framing);
    }

    @Override
    HttpParseException startLineTooLong(int read) {
        return new HttpParseException(HttpParseException.Violation.REQUEST_LINE_TOO_LONG, read,
                "request line exceeds maxStartLineBytes=" + limits.maxStartLineBytes() + " (read " + read
                        + " without a line end); shorten the URL or raise WireLimits.maxStartLineBytes");
    }

    @Override
    public void reset() {
        super.reset();
        method = null;
        target = null;
        version = null;
    }

    private HttpParseException badLine(byte[] line, int len, int at, String why) {
        return new HttpParseException(HttpParseException.Violation.BAD_REQUEST_LINE, offset + at,
                "malformed request line " + WireChars.quote(line, 0, len) + ": " + why + " (RFC 9112 §3)");
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
