package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.courier.http.Method;
import dev.courier.wire.HttpParseException.Violation;
import org.junit.jupiter.api.Test;

class ResponseHeadParserTest {

    static Feeder.Outcome<ResponseHead> parse(String msg) {
        return Feeder.allWays(() -> HeadParser.forResponses(WireLimits.defaults()), bytes(msg));
    }

    static ResponseHead ok(String msg) {
        Feeder.Outcome<ResponseHead> o = parse(msg);
        if (o.error() != null) {
            throw new AssertionError("expected to parse " + WireChars.quote(msg), o.error());
        }
        return o.head();
    }

    static HttpParseException rejects(Violation expected, String msg) {
        Feeder.Outcome<ResponseHead> o = parse(msg);
        if (o.error() == null) {
            throw new AssertionError("expected " + expected + " for " + WireChars.quote(msg) + " but parsed " + o.head());
        }
        assertEquals(expected, o.violation(), o.error().getMessage());
        return o.error();
    }

    @Test
    void parsesStatusLineAndHeaders() {
        ResponseHead h = ok("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\n");
        assertEquals(HttpVersion.HTTP_1_1, h.version());
        assertEquals(200, h.status());
        assertSame("OK", h.reason());
        assertEquals("text/plain", h.headers().get("content-type"));
        assertEquals(Framing.contentLength(12), h.framing(Method.GET));
    }

    @Test
    void acceptsEmptyMissingAndOddReasonPhrases() {
        assertEquals("", ok("HTTP/1.1 204 \r\n\r\n").reason());
        assertEquals("", ok("HTTP/1.1 204\r\n\r\n").reason());
        assertEquals("Tr\u00e8s bien \t!", ok("HTTP/1.0 200 Tr\u00e8s bien \t!\r\n\r\n").reason());
        assertEquals("Not  Found", ok("HTTP/1.1 404 Not  Found\r\n\r\n").reason());
    }

    @Test
    void acceptsBareLfLineEnds() {
        ResponseHead h = ok("HTTP/1.1 200 OK\nServer: x\nContent-Length: 0\n\n");
        assertEquals("x", h.headers().get("Server"));
        assertEquals(Framing.contentLength(0), h.framing(Method.GET));
    }

    @Test
    void joinsObsFoldWithOneSpace() {
        ResponseHead h = ok("HTTP/1.1 200 OK\r\nX-Long: part one\r\n   part two\r\n\tthree\r\nContent-Length: 0\r\n\r\n");
        assertEquals("part one part two three", h.headers().get("X-Long"));
        assertEquals(2, h.headers().size());
    }

    @Test
    void rejectsObsFoldBeforeAnyField() {
        rejects(Violation.OBS_FOLD, "HTTP/1.1 200 OK\r\n X: 1\r\n\r\n");
    }

    @Test
    void skipsEmptyLinesBeforeTheStatusLine() {
        assertEquals(200, ok("\r\n\nHTTP/1.1 200 OK\r\n\r\n").status());
    }

    @Test
    void acceptsTransferEncodingInHttp10Response() {
        assertEquals(Framing.CHUNKED, ok("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").framing(Method.GET));
    }

    @Test
    void neverAcceptsAmbiguousBodyLength() {
        rejects(Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n");
        rejects(Violation.CONFLICTING_CONTENT_LENGTH, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n");
        rejects(Violation.BAD_CONTENT_LENGTH, "HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n");
        rejects(Violation.BAD_CONTENT_LENGTH, "HTTP/1.1 304 Not Modified\r\nContent-Length: x\r\n\r\n");
    }

    @Test
    void rejectsTransferCodingsItCannotUndo() {
        rejects(Violation.UNSUPPORTED_TRANSFER_CODING, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
        rejects(Violation.UNSUPPORTED_TRANSFER_CODING, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n");
    }

    @Test
    void rejectsMalformedStatusLines() {
        rejects(Violation.BAD_STATUS_LINE, "HTTP/1.1 20 OK\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "HTTP/1.1 2000 OK\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "HTTP/1.1 099 Low\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "HTTP/1.1  200 OK\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "ICY 200 OK\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "HTTP/1.1 200 O\u0001K\r\n\r\n");
        rejects(Violation.BAD_STATUS_LINE, "http/1.1 200 OK\r\n\r\n");
    }

    @Test
    void rejectsUnsupportedVersion() {
        rejects(Violation.UNSUPPORTED_VERSION, "HTTP/2.0 200 OK\r\n\r\n");
    }

    @Test
    void rejectsBareCrEvenWhenTolerant() {
        rejects(Violation.BARE_CR, "HTTP/1.1 200 O\rK\r\n\r\n");
        rejects(Violation.BARE_CR, "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n");
    }

    @Test
    void rejectsBadFieldsEvenWhenTolerant() {
        rejects(Violation.SPACE_BEFORE_COLON, "HTTP/1.1 200 OK\r\nServer : x\r\n\r\n");
        rejects(Violation.BAD_HEADER_NAME, "HTTP/1.1 200 OK\r\nno colon\r\n\r\n");
        rejects(Violation.BAD_HEADER_VALUE, "HTTP/1.1 200 OK\r\nX: a\u0000b\r\n\r\n");
    }
}
