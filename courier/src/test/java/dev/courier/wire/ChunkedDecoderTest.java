package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.wire.HttpParseException.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedDecoderTest {

    /** Body, trailers and leftover bytes of one decoding. */
    record Decoded(String body, Headers trailers, String rest) {
    }

    static Decoded decode(boolean strict, List<byte[]> pieces) {
        ChunkedDecoder d = new ChunkedDecoder(WireLimits.defaults(), strict);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece);
            int guard = 0;
            while (in.hasRemaining() && !d.isComplete()) {
                ByteBuffer out = d.decode(in);
                byte[] b = new byte[out.remaining()];
                out.get(b);
                body.writeBytes(b);
                assertTrue(++guard < 10_000, "decoder made no progress");
            }
            rest.write(piece, in.position(), in.remaining());
        }
        d.endOfInput();
        return new Decoded(body.toString(StandardCharsets.ISO_8859_1), d.trailers(),
                rest.toString(StandardCharsets.ISO_8859_1));
    }

    /** Decodes {@code msg} + "NEXT" whole, byte by byte and split at every point; all must agree. */
    static Decoded allSplits(boolean strict, String msg) {
        byte[] all = bytes(msg + "NEXT");
        Decoded whole = decode(strict, Feeder.whole(all));
        assertEquals("NEXT", whole.rest());
        assertEquals(whole, decode(strict, Feeder.oneByteAtATime(all)));
        for (int i = 1; i < all.length; i++) {
            List<byte[]> two = new ArrayList<>();
            two.add(java.util.Arrays.copyOfRange(all, 0, i));
            two.add(java.util.Arrays.copyOfRange(all, i, all.length));
            assertEquals(whole, decode(strict, two), "split at " + i);
        }
        return whole;
    }

    static HttpParseException fails(boolean strict, String msg, Violation expected) {
        byte[] all = bytes(msg);
        HttpParseException whole = assertThrows(HttpParseException.class, () -> decode(strict, Feeder.whole(all)));
        assertEquals(expected, whole.violation(), whole.getMessage());
        HttpParseException single = assertThrows(HttpParseException.class,
                () -> decode(strict, Feeder.oneByteAtATime(all)));
        assertEquals(expected, single.violation());
        assertEquals(whole.offset(), single.offset());
        return whole;
    }

    @Test
    void decodesChunksSplitEverywhere() {
        Decoded d = allSplits(true, "5\r\nhello\r\n1;ext=1\r\n \r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n");
        assertEquals("hello abcdefghijklmnopqrstuvwxyz", d.body());
        assertTrue(d.trailers().isEmpty());
    }

    @Test
    void parsesTrailers() {
        Decoded d = allSplits(true, "3\r\nabc\r\n0\r\nX-Sum: 42\r\nX-Other: a b\r\n\r\n");
        assertEquals("abc", d.body());
        assertEquals(Headers.of("X-Sum", "42", "X-Other", "a b"), d.trailers());
    }

    @Test
    void acceptsUpperCaseHexLeadingZerosAndWhitespaceBeforeExtensions() {
        assertEquals(10, allSplits(true, "00A ; name=\"v\"\r\n0123456789\r\n0\r\n\r\n").body().length());
    }

    @Test
    void acceptsBareLfWhenTolerant() {
        assertEquals("abc", allSplits(false, "3\nabc\n0\nX: 1\n\n").body());
    }

    @Test
    void handsOutSlicesOfTheInputWithoutCopying() {
        byte[] raw = bytes("5\r\nhello\r\n0\r\n\r\n");
        ByteBuffer in = ByteBuffer.wrap(raw);
        ChunkedDecoder d = new ChunkedDecoder(WireLimits.defaults(), true);
        ByteBuffer data = d.decode(in);
        assertEquals(5, data.remaining());
        raw[3] = 'J';
        assertEquals('J', data.get(0));
    }

    @Test
    void rejectsBareLfWhenStrict() {
        fails(true, "3\nabc\r\n0\r\n\r\n", Violation.BARE_LF);
        fails(true, "0\r\nX: 1\n\r\n", Violation.BARE_LF);
    }

    @Test
    void rejectsNonHexChunkSizes() {
        fails(true, "g\r\n", Violation.BAD_CHUNK_SIZE);
        fails(true, "\r\n", Violation.BAD_CHUNK_SIZE);
        fails(true, "-1\r\n", Violation.BAD_CHUNK_SIZE);
        fails(true, "0x5\r\n", Violation.BAD_CHUNK_SIZE);
        fails(true, "5\r\r\n", Violation.BAD_CHUNK_SIZE);
    }

    @Test
    void rejectsBareCrInSizeLine() {
        fails(true, "5\rx", Violation.BARE_CR);
    }

    @Test
    void rejectsControlCharactersInExtensions() {
        fails(true, "5;a\u0000\r\n", Violation.BAD_CHUNK_SIZE);
    }

    @Test
    void rejectsDataLongerThanItsSize() {
        HttpParseException e = fails(true, "3\r\nabcd\r\n0\r\n\r\n", Violation.BAD_CHUNK_END);
        assertEquals(6, e.offset());
        fails(false, "3\r\nabcd\r\n0\r\n\r\n", Violation.BAD_CHUNK_END);
    }

    @Test
    void rejectsBadTrailerFields() {
        fails(true, "0\r\nX : 1\r\n\r\n", Violation.SPACE_BEFORE_COLON);
        fails(true, "0\r\n folded\r\n\r\n", Violation.OBS_FOLD);
    }

    @Test
    void reportsTruncationAtEndOfInput() {
        for (String cut : new String[] {"", "5", "5\r\nhel", "5\r\nhello\r\n", "5\r\nhello\r\n0\r\n", "0\r\nX: 1\r\n"}) {
            HttpParseException e = assertThrows(HttpParseException.class, () -> decode(true, Feeder.whole(bytes(cut))));
            assertEquals(Violation.TRUNCATED, e.violation(), cut);
        }
    }

    @Test
    void staysFailedAfterAnError() {
        ChunkedDecoder d = new ChunkedDecoder(WireLimits.defaults(), true);
        assertThrows(HttpParseException.class, () -> d.decode(ByteBuffer.wrap(bytes("z"))));
        assertEquals(ChunkedDecoder.State.FAILED, d.state());
        assertFalse(d.isComplete());
        assertThrows(IllegalStateException.class, () -> d.decode(ByteBuffer.wrap(bytes("0"))));
    }

    @Test
    void roundTripsWhatTheEncoderWrites() {
        ByteBuffer out = ByteBuffer.allocate(256);
        byte[] data = bytes("The quick brown fox jumps over the lazy dog");
        assertEquals(4, ChunkedEncoder.writeChunkHeader(data.length, out));
        out.put(data);
        ChunkedEncoder.writeChunkEnd(out);
        ChunkedEncoder.writeChunkHeader(1, out);
        out.put((byte) '!');
        ChunkedEncoder.writeChunkEnd(out);
        Headers trailers = Headers.of("X-Checksum", "abc");
        assertEquals(ChunkedEncoder.lastChunkLength(trailers), ChunkedEncoder.writeLastChunk(trailers, out));
        out.flip();
        String wire = StandardCharsets.ISO_8859_1.decode(out.duplicate()).toString();
        assertEquals("2b\r\nThe quick brown fox jumps over the lazy dog\r\n1\r\n!\r\n0\r\nX-Checksum: abc\r\n\r\n", wire);
        Decoded d = allSplits(true, wire);
        assertEquals("The quick brown fox jumps over the lazy dog!", d.body());
        assertEquals(trailers, d.trailers());
    }

    @Test
    void encoderRefusesEmptyChunksAndShortBuffers() {
        assertThrows(IllegalArgumentException.class, () -> ChunkedEncoder.writeChunkHeader(0, ByteBuffer.allocate(8)));
        ByteBuffer small = ByteBuffer.allocate(3);
        assertThrows(java.nio.BufferOverflowException.class, () -> ChunkedEncoder.writeChunkHeader(0x100, small));
        assertEquals(0, small.position());
        ByteBuffer big = ByteBuffer.allocate(ChunkedEncoder.MAX_CHUNK_HEADER_BYTES);
        assertEquals(18, ChunkedEncoder.writeChunkHeader(Long.MAX_VALUE, big));
    }
}
