package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void wholeLineInAHeapBufferIsReadInPlaceAndMarkedClean() {
        byte[] msg = bytes("Accept: text/html\r\nnext");
        LineReader r = new LineReader();
        ByteBuffer in = ByteBuffer.wrap(msg);
        assertEquals(17, r.read(in, 100));
        assertSame(msg, r.buffer());
        assertEquals(0, r.start());
        assertTrue(r.clean());
        assertFalse(r.bareLf());
        assertEquals(19, in.position());
    }

    @Test
    void lineHoldingATabOrBareCrIsNotClean() {
        for (String line : new String[] {"A:\tb\r\n", "A: b\rc\r\n", "A: b\u007f\r\n", "A: \u0000\r\n"}) {
            LineReader r = new LineReader();
            r.read(ByteBuffer.wrap(bytes(line)), 100);
            assertFalse(r.clean(), line);
        }
    }

    @Test
    void lineArrivingInPiecesIsCopiedAndNotClaimedClean() {
        LineReader r = new LineReader();
        assertEquals(LineReader.NEED_MORE, r.read(ByteBuffer.wrap(bytes("Accept: te")), 100));
        byte[] rest = bytes("xt/html\r\n");
        assertEquals(17, r.read(ByteBuffer.wrap(rest), 100));
        assertFalse(r.buffer() == rest);
        assertFalse(r.clean());
        assertEquals("Accept: text/html", new String(r.buffer(), r.start(), 17, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void compactMovesAnInPlaceLineToIndexZero() {
        ByteBuffer in = ByteBuffer.wrap(bytes("xxGET / HTTP/1.1\r\n"), 2, 16).slice();
        LineReader r = new LineReader();
        assertEquals(14, r.read(in, 100));
        assertEquals(2, r.start());
        r.compact();
        assertEquals(0, r.start());
        assertEquals("GET / HTTP/1.1", new String(r.buffer(), 0, 14, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
