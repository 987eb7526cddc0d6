package dev.courier.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    /** Bytes around every edge the word tricks rely on, and high bytes that must not borrow into a false hit. */
    private static final byte[] EDGES = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x39, 0x3A, 0x3B, 0x7E, 0x7F,
        (byte) 0x80, (byte) 0x9F, (byte) 0xBA, (byte) 0xFF, 'a', 'Z'};

    private static byte[] randomBytes(Random rnd) {
        byte[] a = new byte[1 + rnd.nextInt(40)];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(4) == 0 ? EDGES[rnd.nextInt(EDGES.length)] : (byte) (0x20 + rnd.nextInt(0x5F));
        }
        return a;
    }

    @Test
    void firstControlAgreesWithAByteLoop() {
        Random rnd = new Random(42);
        for (int round = 0; round < 3000; round++) {
            byte[] a = randomBytes(rnd);
            int from = rnd.nextInt(a.length);
            int to = from + rnd.nextInt(a.length - from + 1);
            int expected = to;
            for (int i = from; i < to; i++) {
                if ((a[i] & 0xFF) < 0x20 || a[i] == 0x7F) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, ByteScan.firstControl(a, from, to), WireChars.quote(a, 0, a.length) + " " + from + ".." + to);
        }
    }

    @Test
    void indexOfAgreesWithAByteLoop() {
        Random rnd = new Random(43);
        for (int round = 0; round < 3000; round++) {
            byte[] a = randomBytes(rnd);
            byte wanted = EDGES[rnd.nextInt(EDGES.length)];
            int from = rnd.nextInt(a.length);
            int to = from + rnd.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (a[i] == wanted) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, ByteScan.indexOf(a, from, to, wanted), WireChars.quote(a, 0, a.length) + " " + wanted);
        }
    }

    @Test
    void regionEqualsAgreesWithArraysEquals() {
        Random rnd = new Random(44);
        for (int round = 0; round < 3000; round++) {
            byte[] a = randomBytes(rnd);
            int off = rnd.nextInt(a.length);
            byte[] b = Arrays.copyOfRange(a, off, off + rnd.nextInt(a.length - off + 1));
            if (b.length > 0 && rnd.nextBoolean()) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            assertEquals(Arrays.equals(a, off, off + b.length, b, 0, b.length), ByteScan.regionEquals(a, off, b));
        }
    }
}
