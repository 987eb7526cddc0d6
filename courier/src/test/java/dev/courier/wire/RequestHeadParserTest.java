package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import dev.courier.wire.HttpParseException.Violation;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadParserTest {

    static Feeder.Outcome<RequestHead> parse(String msg) {
        return Feeder.allWays(() -> HeadParser.forRequests(WireLimits.defaults()), bytes(msg));
    }

    static RequestHead ok(String msg) {
        Feeder.Outcome<RequestHead> o = parse(msg);
        if (o.error() != null) {
            throw new AssertionError("expected to parse " + WireChars.quote(msg), o.error());
        }
        return o.head();
    }

    static HttpParseException rejects(Violation expected, String msg) {
        Feeder.Outcome<RequestHead> o = parse(msg);
        if (o.error() == null) {
            throw new AssertionError("expected " + expected + " for " + WireChars.quote(msg) + " but parsed " + o.head());
        }
        assertEquals(expected, o.violation(), o.error().getMessage());
        return o.error();
    }

    @Test
    void parsesSimpleGet() {
        RequestHead h = ok("GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
        assertSame(Method.GET, h.method());
        assertEquals("/index.html?q=1", h.target());
        assertEquals(HttpVersion.HTTP_1_1, h.version());
        assertEquals(2, h.headers().size());
        assertEquals("example.com", h.headers().get("host"));
        assertEquals(Framing.NONE, h.framing());
    }

    @Test
    void internsCommonNamesAndMethods() {
        RequestHead h = ok("POST / HTTP/1.1\r\nHost: a\r\ncontent-length: 3\r\nX-Custom: 1\r\n\r\n");
        assertSame(Method.POST, h.method());
        assertSame("Host", h.headers().name(0));
        assertSame("content-length", h.headers().name(1));
        assertEquals("X-Custom", h.headers().name(2));
        assertEquals(Framing.contentLength(3), h.framing());
    }

    @Test
    void keepsUnusualSpellingOfKnownNames() {
        RequestHead h = ok("GET / HTTP/1.1\r\nHOST: a\r\n\r\n");
        assertEquals("HOST", h.headers().name(0));
    }

    @Test
    void acceptsExtensionMethodsAsTokens() {
        assertEquals("PROPFIND", ok("PROPFIND /x HTTP/1.1\r\nHost: a\r\n\r\n").method().name());
    }

    @Test
    void acceptsAsteriskAndAbsoluteFormTargets() {
        assertEquals("*", ok("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").target());
        assertEquals("http://a/b", ok("GET http://a/b HTTP/1.1\r\nHost: a\r\n\r\n").target());
        assertEquals("a:443", ok("CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n").target());
    }

    @Test
    void trimsOptionalWhitespaceAndKeepsEmptyValues() {
        RequestHead h = ok("GET / HTTP/1.1\r\nHost:a\r\nX-A: \t v 1 \t\r\nX-Empty:\r\n\r\n");
        assertEquals("a", h.headers().get("Host"));
        assertEquals("v 1", h.headers().get("X-A"));
        assertEquals("", h.headers().get("X-Empty"));
    }

    @Test
    void acceptsObsTextInValues() {
        RequestHead h = ok("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u00e9\r\n\r\n");
        assertEquals("caf\u00e9", h.headers().get("X-Name"));
    }

    @Test
    void acceptsHttp10WithoutHost() {
        RequestHead h = ok("GET / HTTP/1.0\r\n\r\n");
        assertEquals(HttpVersion.HTTP_1_0, h.version());
        assertTrue(h.headers().isEmpty());
    }

    @Test
    void skipsEmptyLinesBeforeTheRequestLine() {
        assertEquals("/", ok("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").target());
    }

    @Test
    void decidesChunkedFraming() {
        assertEquals(Framing.CHUNKED,
                ok("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").framing());
        assertEquals(Framing.CHUNKED,
                ok("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n").framing());
    }

    @Test
    void acceptsIdenticalRepeatedContentLength() {
        assertEquals(Framing.contentLength(5),
                ok("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n").framing());
        assertEquals(Framing.contentLength(5),
                ok("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n").framing());
    }

    @Test
    void leavesTheBodyInTheBuffer() {
        HeadParser<RequestHead> p = HeadParser.forRequests(WireLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"));
        RequestHead h = p.parse(in);
        assertEquals(5, h.framing().contentLength());
        assertEquals(5, in.remaining());
        assertEquals('h', in.get(in.position()));
        assertEquals(HeadParser.State.DONE, p.state());
        assertEquals(in.position(), p.bytesConsumed());
    }

    @Test
    void parsesFromDirectAndReadOnlyBuffers() {
        byte[] msg = bytes("GET /x HTTP/1.1\r\nHost: a\r\n\r\nrest");
        ByteBuffer direct = ByteBuffer.allocateDirect(msg.length).put(msg).flip();
        assertEquals("/x", HeadParser.forRequests(WireLimits.defaults()).parse(direct).target());
        assertEquals(4, direct.remaining());
        ByteBuffer readOnly = ByteBuffer.wrap(msg).asReadOnlyBuffer();
        assertEquals("a", HeadParser.forRequests(WireLimits.defaults()).parse(readOnly).headers().get("Host"));
        assertEquals(4, readOnly.remaining());
    }

    @Test
    void parsesPipelinedRequestsAfterReset() {
        HeadParser<RequestHead> p = HeadParser.forRequests(WireLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals("/1", p.parse(in).target());
        assertThrows(IllegalStateException.class, () -> p.parse(in));
        p.reset();
        assertEquals("/2", p.parse(in).target());
        assertEquals(0, in.remaining());
    }

    @Test
    void returnsNullUntilTheHeadIsComplete() {
        HeadParser<RequestHead> p = HeadParser.forRequests(WireLimits.defaults());
        assertNull(p.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHo"))));
        assertEquals(HeadParser.State.HEADERS, p.state());
        assertEquals(18, p.bytesConsumed());
        assertEquals("a", p.parse(ByteBuffer.wrap(bytes("st: a\r\n\r\n"))).headers().get("Host"));
    }

    @Test
    void staysFailedAfterAnError() {
        HeadParser<RequestHead> p = HeadParser.forRequests(WireLimits.defaults());
        assertThrows(HttpParseException.class, () -> p.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\n x\r\n"))));
        assertEquals(HeadParser.State.FAILED, p.state());
        assertThrows(IllegalStateException.class, () -> p.parse(ByteBuffer.wrap(bytes("GET"))));
    }

    // --- one test per rejection rule -------------------------------------------------------

    @Test
    void rejectsContentLengthWithTransferEncoding() {
        HttpParseException e = rejects(Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertEquals(400, e.suggestedStatus());
    }

    @Test
    void rejectsTwoContentLengthFieldsWithDifferentValues() {
        rejects(Violation.CONFLICTING_CONTENT_LENGTH,
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
    }

    @Test
    void rejectsContentLengthListWithDifferentValues() {
        rejects(Violation.CONFLICTING_CONTENT_LENGTH, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "0x5", "-1", "", "5 5", "5,", "1e3", "99999999999999999999", "5;q=1"})
    void rejectsMalformedContentLength(String value) {
        HttpParseException e = rejects(Violation.BAD_CONTENT_LENGTH,
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + value + "\r\n\r\n");
        assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
    }

    @Test
    void rejectsTransferEncodingWhoseFinalCodingIsNotChunked() {
        rejects(Violation.CHUNKED_NOT_FINAL, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n");
        rejects(Violation.CHUNKED_NOT_FINAL, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n");
    }

    @Test
    void rejectsUnsupportedTransferCodingWith501() {
        HttpParseException e = rejects(Violation.UNSUPPORTED_TRANSFER_CODING,
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
        assertEquals(501, e.suggestedStatus());
        rejects(Violation.UNSUPPORTED_TRANSFER_CODING,
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    @Test
    void rejectsTransferEncodingInHttp10Request() {
        rejects(Violation.TRANSFER_ENCODING_IN_HTTP10, "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    @Test
    void rejectsObsFold() {
        rejects(Violation.OBS_FOLD, "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n");
        rejects(Violation.OBS_FOLD, "GET / HTTP/1.1\r\n\tHost: a\r\n\r\n");
    }

    @Test
    void rejectsBareCr() {
        rejects(Violation.BARE_CR, "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r2\r\n\r\n");
        rejects(Violation.BARE_CR, "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BARE_CR, "GET / HTTP/1.1\rHost: a\r\n\r\n");
        rejects(Violation.BARE_CR, "GET / HTTP/1.1\r\nHo\rst: a\r\n\r\n");
    }

    @Test
    void rejectsBareLfLineEnds() {
        rejects(Violation.BARE_LF, "GET / HTTP/1.1\nHost: a\r\n\r\n");
        rejects(Violation.BARE_LF, "GET / HTTP/1.1\r\nHost: a\n\r\n");
        rejects(Violation.BARE_LF, "GET / HTTP/1.1\r\nHost: a\r\n\n");
        rejects(Violation.BARE_LF, "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    }

    @Test
    void rejectsWhitespaceBetweenNameAndColon() {
        rejects(Violation.SPACE_BEFORE_COLON, "GET / HTTP/1.1\r\nHost : a\r\n\r\n");
        rejects(Violation.SPACE_BEFORE_COLON, "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n");
    }

    @Test
    void rejectsInvalidFieldNames() {
        rejects(Violation.BAD_HEADER_NAME, "GET / HTTP/1.1\r\nHost: a\r\nX(A): 1\r\n\r\n");
        rejects(Violation.BAD_HEADER_NAME, "GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n");
        rejects(Violation.BAD_HEADER_NAME, "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n");
        rejects(Violation.BAD_HEADER_NAME, "GET / HTTP/1.1\r\nHost: a\r\nX A: 1\r\n\r\n");
        rejects(Violation.BAD_HEADER_NAME, "GET / HTTP/1.1\r\nHost: a\r\nCaf\u00e9: 1\r\n\r\n");
    }

    @Test
    void rejectsControlCharactersInValues() {
        rejects(Violation.BAD_HEADER_VALUE, "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u00002\r\n\r\n");
        rejects(Violation.BAD_HEADER_VALUE, "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u00012\r\n\r\n");
        rejects(Violation.BAD_HEADER_VALUE, "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u007f2\r\n\r\n");
    }

    @Test
    void rejectsInvalidMethodCharacters() {
        rejects(Violation.BAD_METHOD, "G(T / HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_METHOD, "G\u00c9T / HTTP/1.1\r\nHost: a\r\n\r\n");
    }

    @Test
    void rejectsInvalidRequestTargetCharacters() {
        rejects(Violation.BAD_TARGET, "GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_TARGET, "GET /a\tb HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_TARGET, "GET /a\u007f HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_TARGET, "GET /a\u0000 HTTP/1.1\r\nHost: a\r\n\r\n");
    }

    @Test
    void rejectsMalformedRequestLines() {
        rejects(Violation.BAD_REQUEST_LINE, "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_REQUEST_LINE, "GET  / HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_REQUEST_LINE, " GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_REQUEST_LINE, "GET /\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_REQUEST_LINE, "GET\r\nHost: a\r\n\r\n");
    }

    @Test
    void rejectsMalformedVersions() {
        rejects(Violation.BAD_VERSION, "GET / http/1.1\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_VERSION, "GET / HTTP/1.10\r\nHost: a\r\n\r\n");
        rejects(Violation.BAD_VERSION, "GET / HTTP/1\r\nHost: a\r\n\r\n");
    }

    @Test
    void rejectsUnsupportedVersionsWith505() {
        assertEquals(505, rejects(Violation.UNSUPPORTED_VERSION, "GET / HTTP/2.0\r\nHost: a\r\n\r\n").suggestedStatus());
        rejects(Violation.UNSUPPORTED_VERSION, "GET / HTTP/1.2\r\nHost: a\r\n\r\n");
        rejects(Violation.UNSUPPORTED_VERSION, "GET / HTTP/0.9\r\n\r\n");
    }

    @Test
    void rejectsHttp2PrefaceDistinctly() {
        HttpParseException e = rejects(Violation.HTTP2_PREFACE, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertTrue(e.getMessage().contains("HTTP/2"), e.getMessage());
    }

    @Test
    void rejectsMissingHostInHttp11() {
        rejects(Violation.MISSING_HOST, "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n");
    }

    @Test
    void rejectsDuplicateHost() {
        rejects(Violation.DUPLICATE_HOST, "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n");
        rejects(Violation.DUPLICATE_HOST, "GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n");
    }

    @Test
    void reportsTheOffsetOfTheBadByte() {
        HttpParseException e = rejects(Violation.BAD_HEADER_VALUE, "GET / HTTP/1.1\r\nX-A: ab\u0001\r\n\r\n");
        assertEquals(16 + 7, e.offset());
        assertTrue(e.getMessage().contains("\\x01"), e.getMessage());
    }
}
