package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.charset.StandardCharsets;

/**
 * The tolerant response-head parser behind {@link HeadParser#forResponses}: status line per
 * RFC 9112 §4, accepting an empty reason and a missing SP after the code (both seen from real
 * servers), while framing stays as strict as for requests.
 */
final class ResponseHeadParser extends HeadParser<ResponseHead> {

    private HttpVersion version;
    private int status;
    private String reason;

    ResponseHeadParser(WireLimits limits) {
        super(limits, false);
    }

    @Override
    void parseStartLine(byte[] line, int len) {
        if (len < 9 || line[0] != 'H' || line[1] != 'T' || line[2] != 'T' || line[3] != 'P' || line[4] != '/'
                || !RequestHeadParser.isDigit(line[5]) || line[6] != '.' || !RequestHeadParser.isDigit(line[7])) {
            throw bad(line, len, 0, "expected HTTP-version SP 3DIGIT SP reason, e.g. \"HTTP/1.1 200 OK\"");
        }
        if (line[5] == '1' && line[7] == '1') {
            version = HttpVersion.HTTP_1_1;
        } else if (line[5] == '1' && line[7] == '0') {
            version = HttpVersion.HTTP_1_0;
        } else {
            throw new HttpParseException(HttpParseException.Violation.UNSUPPORTED_VERSION, offset,
                    "HTTP version " + WireChars.quote(line, 0, 8) + " is not supported; Courier speaks HTTP/1.1 and HTTP/1.0");
        }
        if (line[8] != ' ') {
            throw bad(line, len, 8, "expected a space after the version");
        }
        if (len < 12 || !RequestHeadParser.isDigit(line[9]) || !RequestHeadParser.isDigit(line[10])
                || !RequestHeadParser.isDigit(line[11])) {
            throw bad(line, len, 9, "the status code must be three digits");
        }
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (status < 100) {
            throw bad(line, len, 9, "status code " + status + " is below 100 (RFC 9110 §15)");
        }
        if (len == 12) {
            reason = "";
            return;
        }
        if (line[12] != ' ') {
            throw bad(line, len, 12, "expected a space after the three-digit status code");
        }
        for (int i = 13; i < len; i++) {
            if (!WireChars.isValueByte(line[i])) {
                if (line[i] == '\r') {
                    throw FieldSection.bareCr(offset + i, "status line");
                }
                throw bad(line, len, i, "the reason phrase holds " + WireChars.describe(line[i]));
            }
        }
        reason = reason(line, len);
    }

    private static String reason(byte[] line, int len) {
        if (len == 15 && line[13] == 'O' && line[14] == 'K') {
            return "OK";
        }
        return len == 13 ? "" : new String(line, 13, len - 13, StandardCharsets.ISO_8859_1);
    }

    @Override
    ResponseHead finish(Headers headers, long end) {
        String length = singleContentLength();
        Framing declared = length != null ? Framing.forSingleContentLength(length, end)
                : hasLengthFields() ? Framing.declaredByResponse(headers, end) : Framing.UNTIL_CLOSE;
        return new ResponseHead(version, status, reason, headers, declared);
    }

    @Override
    HttpParseException startLineTooLong(int read) {
        return new HttpParseException(HttpParseException.Violation.STATUS_LINE_TOO_LONG, read,
                "status line exceeds maxStartLineBytes=" + limits.maxStartLineBytes() + " (read " + read
                        + " without a line end); raise WireLimits.maxStartLineBytes if the server is trusted");
    }

    @Override
    public void reset() {
        super.reset();
        version = null;
        reason = null;
        status = 0;
    }

    private HttpParseException bad(byte[] line, int len, int at, String why) {
        for (int i = 0; i < len; i++) {
            if (line[i] == '\r') {
                return FieldSection.bareCr(offset + i, "status line");
            }
        }
        return new HttpParseException(HttpParseException.Violation.BAD_STATUS_LINE, offset + at,
                "malformed status line " + WireChars.quote(line, 0, len) + ": " + why + " (RFC 9112 §4)");
    }
}
