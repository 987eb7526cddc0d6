package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    @Test
    void fixedLengthStopsAtTheLengthAndLeavesTheNextMessage() {
        BodyDecoder d = BodyDecoder.forFraming(Framing.contentLength(5), true, WireLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(bytes("hel"));
        assertEquals(3, d.decode(in).remaining());
        assertFalse(d.isComplete());
        ByteBuffer more = ByteBuffer.wrap(bytes("loGET"));
        assertEquals(2, d.decode(more).remaining());
        assertTrue(d.isComplete());
        assertEquals(3, more.remaining());
        assertEquals(0, d.decode(more).remaining());
        d.endOfInput();
    }

    @Test
    void fixedLengthReportsTruncation() {
        BodyDecoder d = BodyDecoder.forFraming(Framing.contentLength(5), true, WireLimits.defaults());
        d.decode(ByteBuffer.wrap(bytes("hel")));
        HttpParseException e = assertThrows(HttpParseException.class, d::endOfInput);
        assertEquals(HttpParseException.Violation.TRUNCATED, e.violation());
        assertTrue(e.getMessage().contains("3 of 5"), e.getMessage());
    }

    @Test
    void noBodyIsCompleteAtOnce() {
        BodyDecoder d = BodyDecoder.forFraming(Framing.NONE, true, WireLimits.defaults());
        assertTrue(d.isComplete());
        ByteBuffer in = ByteBuffer.wrap(bytes("next"));
        assertEquals(0, d.decode(in).remaining());
        assertEquals(4, in.remaining());
    }

    @Test
    void untilCloseTakesEverythingUntilEndOfInput() {
        BodyDecoder d = BodyDecoder.forFraming(Framing.UNTIL_CLOSE, false, WireLimits.defaults());
        assertInstanceOf(UntilCloseDecoder.class, d);
        assertEquals(4, d.decode(ByteBuffer.wrap(bytes("abcd"))).remaining());
        assertFalse(d.isComplete());
        d.endOfInput();
        assertTrue(d.isComplete());
    }

    @Test
    void chunkedFramingGetsAChunkedDecoder() {
        assertInstanceOf(ChunkedDecoder.class, BodyDecoder.forFraming(Framing.CHUNKED, true, WireLimits.defaults()));
    }
}
