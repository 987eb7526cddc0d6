package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.wire.HttpParseException.Violation;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WireLimitsTest {

    private static HttpParseException requestFails(WireLimits limits, String msg, Violation expected) {
        Feeder.Outcome<RequestHead> o = Feeder.allWays(() -> HeadParser.forRequests(limits), bytes(msg));
        assertNotNull(o.error(), "expected " + expected);
        assertEquals(expected, o.violation(), o.error().getMessage());
        return o.error();
    }

    private static HttpParseException chunkedFails(WireLimits limits, String body, Violation expected) {
        HttpParseException e = assertThrows(HttpParseException.class,
                () -> new ChunkedDecoder(limits, true).decode(ByteBuffer.wrap(bytes(body))));
        assertEquals(expected, e.violation(), e.getMessage());
        return e;
    }

    @Test
    void defaultsMatchTheConstants() {
        WireLimits d = WireLimits.defaults();
        assertEquals(WireLimits.DEFAULT_MAX_START_LINE_BYTES, d.maxStartLineBytes());
        assertEquals(WireLimits.DEFAULT_MAX_HEADER_BYTES, d.maxHeaderBytes());
        assertEquals(WireLimits.DEFAULT_MAX_HEADER_COUNT, d.maxHeaderCount());
        assertEquals(WireLimits.DEFAULT_MAX_CHUNK_SIZE_DIGITS, d.maxChunkSizeDigits());
        assertEquals(WireLimits.DEFAULT_MAX_CHUNK_EXTENSION_BYTES, d.maxChunkExtensionBytes());
        assertEquals(WireLimits.DEFAULT_MAX_TRAILER_BYTES, d.maxTrailerBytes());
        assertEquals(d.toString(), d.newBuilder().build().toString());
    }

    @Test
    void refusesNonPositiveLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireLimits.builder().maxHeaderBytes(0));
        assertTrue(e.getMessage().contains("maxHeaderBytes"), e.getMessage());
    }

    @Test
    void requestLineLongerThanTheLimitGets414() {
        WireLimits tiny = WireLimits.builder().maxStartLineBytes(20).build();
        // 20 bytes with CRLF fit exactly.
        assertNotNull(Feeder.allWays(() -> HeadParser.forRequests(tiny),
                bytes("GET /1234 HTTP/1.1\r\nHost: a\r\n\r\n")).head());
        HttpParseException e = requestFails(tiny, "GET /12345 HTTP/1.1\r\nHost: a\r\n\r\n", Violation.REQUEST_LINE_TOO_LONG);
        assertEquals(414, e.suggestedStatus());
        assertTrue(e.getMessage().contains("maxStartLineBytes=20 (read 21"), e.getMessage());
    }

    @Test
    void requestLineLimitCountsLeadingEmptyLines() {
        WireLimits tiny = WireLimits.builder().maxStartLineBytes(20).build();
        requestFails(tiny, "\r\n\r\nGET /1 HTTP/1.1\r\nHost: a\r\n\r\n", Violation.REQUEST_LINE_TOO_LONG);
    }

    @Test
    void requestLineLimitFailsBeforeTheLineEnds() {
        HeadParser<RequestHead> p = HeadParser.forRequests(WireLimits.builder().maxStartLineBytes(8).build());
        assertNull(p.parse(ByteBuffer.wrap(bytes("GET /ab"))));
        assertThrows(HttpParseException.class, () -> p.parse(ByteBuffer.wrap(bytes("cd"))));
    }

    @Test
    void statusLineLongerThanTheLimitFails() {
        WireLimits tiny = WireLimits.builder().maxStartLineBytes(10).build();
        Feeder.Outcome<ResponseHead> o = Feeder.allWays(() -> HeadParser.forResponses(tiny), bytes("HTTP/1.1 200 OK\r\n\r\n"));
        assertEquals(Violation.STATUS_LINE_TOO_LONG, o.violation());
    }

    @Test
    void headerSectionLargerThanTheLimitGets431() {
        WireLimits tiny = WireLimits.builder().maxHeaderBytes(20).build();
        // "Host: a\r\n" (9) + "X: 12345678\r\n" (13) = 22 > 20.
        HttpParseException e = requestFails(tiny, "GET / HTTP/1.1\r\nHost: a\r\nX: 12345678\r\n\r\n",
                Violation.HEADER_SECTION_TOO_LARGE);
        assertEquals(431, e.suggestedStatus());
        assertTrue(e.getMessage().startsWith("header section exceeds maxHeaderBytes=20 (read 21"), e.getMessage());
        // The final empty line counts too: 9 + 9 + 2 = 20 fits exactly.
        assertNotNull(Feeder.allWays(() -> HeadParser.forRequests(tiny),
                bytes("GET / HTTP/1.1\r\nHost: a\r\nX: 1234\r\n\r\n")).head());
    }

    @Test
    void moreFieldsThanTheLimitGets431() {
        WireLimits tiny = WireLimits.builder().maxHeaderCount(2).build();
        assertNotNull(Feeder.allWays(() -> HeadParser.forRequests(tiny),
                bytes("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\n\r\n")).head());
        HttpParseException e = requestFails(tiny, "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n",
                Violation.TOO_MANY_HEADERS);
        assertEquals(431, e.suggestedStatus());
        assertTrue(e.getMessage().contains("maxHeaderCount=2"), e.getMessage());
    }

    @Test
    void chunkSizeWithTooManyDigitsFails() {
        WireLimits tiny = WireLimits.builder().maxChunkSizeDigits(3).build();
        assertEquals(3, new ChunkedDecoder(tiny, true).decode(ByteBuffer.wrap(bytes("003\r\nabc"))).remaining());
        HttpParseException e = chunkedFails(tiny, "0003\r\nabc\r\n", Violation.CHUNK_SIZE_TOO_LONG);
        assertTrue(e.getMessage().contains("maxChunkSizeDigits=3"), e.getMessage());
    }

    @Test
    void chunkSizeOverflowFails() {
        chunkedFails(WireLimits.defaults(), "8000000000000000\r\n", Violation.CHUNK_SIZE_TOO_LONG);
        assertEquals(ChunkedDecoder.State.DATA, decoderAfter(WireLimits.defaults(), "7fffffffffffffff\r\n").state());
    }

    private static ChunkedDecoder decoderAfter(WireLimits limits, String s) {
        ChunkedDecoder d = new ChunkedDecoder(limits, true);
        d.decode(ByteBuffer.wrap(bytes(s)));
        return d;
    }

    @Test
    void chunkExtensionLongerThanTheLimitFails() {
        WireLimits tiny = WireLimits.builder().maxChunkExtensionBytes(6).build();
        assertEquals(ChunkedDecoder.State.DATA, decoderAfter(tiny, "1;a=bcd\r\n").state());
        HttpParseException e = chunkedFails(tiny, "1;a=bcde\r\nx\r\n", Violation.CHUNK_EXTENSION_TOO_LONG);
        assertTrue(e.getMessage().contains("maxChunkExtensionBytes=6"), e.getMessage());
    }

    @Test
    void trailerSectionLargerThanTheLimitGets431() {
        WireLimits tiny = WireLimits.builder().maxTrailerBytes(12).build();
        assertEquals(ChunkedDecoder.State.DONE, decoderAfter(tiny, "0\r\nX: 12345\r\n\r\n").state());
        HttpParseException e = chunkedFails(tiny, "0\r\nX: 123456\r\n\r\n", Violation.TRAILER_SECTION_TOO_LARGE);
        assertEquals(431, e.suggestedStatus());
        assertTrue(e.getMessage().contains("maxTrailerBytes=12"), e.getMessage());
    }

    @Test
    void trailerFieldCountUsesTheHeaderCountLimit() {
        WireLimits tiny = WireLimits.builder().maxHeaderCount(1).build();
        chunkedFails(tiny, "0\r\nA: 1\r\nB: 2\r\n\r\n", Violation.TOO_MANY_HEADERS);
    }
}
