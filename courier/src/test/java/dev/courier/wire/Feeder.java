package dev.courier.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Feeds one message to a fresh parser in every way a socket could deliver it: whole, one byte
 * at a time, at seeded random split points, and followed by the next pipelined message, and
 * checks that every way gives the same outcome.
 */
final class Feeder {

    /** Bytes of a "next message" appended to check nothing past the head is taken. */
    static final byte[] TRAILING = "NEXT / HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int RANDOM_SPLITS = 12;

    private Feeder() {
    }

    /** The result of one feeding: a head (and the bytes left after it) or an exception. */
    record Outcome<H>(H head, byte[] rest, HttpParseException error) {
        HttpParseException.Violation violation() {
            return error == null ? null : error.violation();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code msg} in the given pieces; returns the head and the bytes not consumed. */
    static <H> Outcome<H> feed(HeadParser<H> parser, List<byte[]> pieces) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        H head = null;
        try {
            for (byte[] piece : pieces) {
                ByteBuffer in = ByteBuffer.wrap(piece);
                if (head == null) {
                    head = parser.parse(in);
                    if (head == null && in.hasRemaining()) {
                        fail("parser returned need-more but left " + in.remaining() + " bytes");
                    }
                }
                rest.write(piece, in.position(), in.remaining());
            }
        } catch (HttpParseException e) {
            return new Outcome<>(null, null, e);
        }
        return new Outcome<>(head, rest.toByteArray(), null);
    }

    static List<byte[]> whole(byte[] msg) {
        List<byte[]> l = new ArrayList<>();
        l.add(msg);
        return l;
    }

    static List<byte[]> oneByteAtATime(byte[] msg) {
        List<byte[]> l = new ArrayList<>();
        for (byte b : msg) {
            l.add(new byte[] {b});
        }
        return l;
    }

    static List<byte[]> randomSplits(byte[] msg, Random rnd) {
        List<byte[]> l = new ArrayList<>();
        int pos = 0;
        while (pos < msg.length) {
            int n = 1 + rnd.nextInt(Math.min(msg.length - pos, 1 + rnd.nextInt(24)));
            byte[] piece = new byte[n];
            System.arraycopy(msg, pos, piece, 0, n);
            l.add(piece);
            pos += n;
        }
        return l;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Feeds {@code msg} whole, byte by byte, at random splits and with trailing bytes; asserts all
     * agree (same head or same violation and offset) and returns the whole-message outcome.
     */
    static <H> Outcome<H> allWays(Supplier<HeadParser<H>> parsers, byte[] msg) {
        Outcome<H> whole = feed(parsers.get(), whole(msg));
        check(whole, feed(parsers.get(), oneByteAtATime(msg)), msg, "one byte at a time", new byte[0]);
        Random rnd = new Random(msg.length * 31L + 7);
        for (int i = 0; i < RANDOM_SPLITS; i++) {
            check(whole, feed(parsers.get(), randomSplits(msg, rnd)), msg, "random split " + i, new byte[0]);
        }
        byte[] withNext = concat(msg, TRAILING);
        Outcome<H> trailing = feed(parsers.get(), whole(withNext));
        check(whole, trailing, msg, "with trailing bytes", TRAILING);
        check(whole, feed(parsers.get(), oneByteAtATime(withNext)), msg, "trailing, byte by byte", TRAILING);
        // A parser reused after reset() behaves like a new one.
        HeadParser<H> reused = parsers.get();
        Outcome<H> first = feed(reused, whole(msg));
        reused.reset();
        check(whole, feed(reused, whole(msg)), msg, "after reset", new byte[0]);
        assertEquals(whole.violation(), first.violation());
        return whole;
    }

    private static <H> void check(Outcome<H> expected, Outcome<H> actual, byte[] msg, String how, byte[] rest) {
        String what = how + " of " + WireChars.quote(msg, 0, msg.length);
        if (expected.error() != null) {
            if (actual.error() == null) {
                // A message cut off before its error would be need-more; with trailing bytes the
                // error must still surface or be the same need-more.
                fail(what + ": expected " + expected.violation() + " but parsed " + actual.head());
            }
            assertEquals(expected.violation(), actual.violation(), what);
            assertEquals(expected.error().offset(), actual.error().offset(), what + " offset");
            // Whole lines are parsed where they lie in the input, split ones after a copy:
            // both paths must explain the error in the same words.
            assertEquals(expected.error().getMessage(), actual.error().getMessage(), what + " message");
            return;
        }
        if (actual.error() != null) {
            throw new AssertionError(what + ": whole message parsed but this way failed", actual.error());
        }
        assertNotNull(actual.head(), what + ": no head");
        assertEquals(expected.head(), actual.head(), what);
        assertArrayEquals(rest, actual.rest(), what + ": bytes left after the head");
    }
}
