package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** The obvious per-byte definition the eight-bytes-at-a-time scan must agree with. */
    private static int firstControlSlowly(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = a[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                return i;
            }
        }
        return to;
    }

    @Test
    void wordScanFindsTheSameFirstControlByteAsAByteScan() {
        Random rnd = new Random(42);
        // Bytes around both edges (0x1F/0x20, 0x7E/0x7F/0x80) and high bytes that must not
        // borrow into a false hit.
        byte[] pool = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x3A, 0x7E, 0x7F, (byte) 0x80, (byte) 0x9F,
            (byte) 0xA0, (byte) 0xFF, 'a', 'Z'};
        for (int round = 0; round < 2000; round++) {
            byte[] a = new byte[1 + rnd.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextInt(4) == 0 ? pool[rnd.nextInt(pool.length)] : (byte) (0x20 + rnd.nextInt(0x5F));
            }
            int from = rnd.nextInt(a.length);
            int to = from + rnd.nextInt(a.length - from + 1);
            assertEquals(firstControlSlowly(a, from, to), LineReader.firstControl(a, from, to),
                    () -> "in " + WireChars.quote(a, 0, a.length) + " from " + from + " to " + to);
        }
    }

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
