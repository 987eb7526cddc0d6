package dev.courier.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.wire.HttpParseException.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final byte[] TEXT = text();

    private static byte[] text() {
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(1);
        for (int i = 0; i < 3000; i++) {
            sb.append("word").append(rnd.nextInt(50)).append(i % 17 == 0 ? '\n' : ' ');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 1024];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** A gzip member with every optional header part: FEXTRA, FNAME, FCOMMENT and FHCRC. */
    static byte[] gzipWithAllFlags(byte[] data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 0x02 | 0x04 | 0x08 | 0x10, 1, 2, 3, 4, 0, 3});
        h.writeBytes(new byte[] {4, 0, 'a', 'b', 'c', 'd'});
        h.writeBytes("file.txt\0".getBytes(StandardCharsets.ISO_8859_1));
        h.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 hcrc = new CRC32();
        hcrc.update(h.toByteArray());
        int v = (int) hcrc.getValue();
        h.writeBytes(new byte[] {(byte) v, (byte) (v >> 8)});
        h.writeBytes(deflate(data, true));
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(h, (int) crc.getValue());
        writeIntLe(h, data.length);
        return h.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.writeBytes(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    /** Feeds {@code coded} in pieces of {@code inPiece} bytes into an output buffer of {@code outSize}. */
    static byte[] decode(ContentDecoder d, byte[] coded, int inPiece, int outSize, boolean direct) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(outSize) : ByteBuffer.allocate(outSize);
        int guard = 0;
        for (int pos = 0; pos < coded.length; pos += inPiece) {
            ByteBuffer in = ByteBuffer.wrap(coded, pos, Math.min(inPiece, coded.length - pos));
            while (true) {
                int n = d.decode(in, out);
                out.flip();
                byte[] b = new byte[out.remaining()];
                out.get(b);
                result.writeBytes(b);
                out.clear();
                assertTrue(++guard < 1_000_000, "no progress");
                if (n == 0 && !in.hasRemaining()) {
                    break;
                }
            }
        }
        d.endOfInput();
        d.close();
        return result.toByteArray();
    }

    static void decodesEveryWay(Supplier<ContentDecoder> decoders, byte[] coded, byte[] expected) {
        assertArrayEquals(expected, decode(decoders.get(), coded, coded.length, 64 * 1024, false));
        assertArrayEquals(expected, decode(decoders.get(), coded, 1, 7, false));
        assertArrayEquals(expected, decode(decoders.get(), coded, 13, 1000, true));
        assertArrayEquals(expected, decode(decoders.get(), coded, 4096, 1, false));
    }

    static HttpParseException fails(Supplier<ContentDecoder> decoders, byte[] coded, Violation expected) {
        HttpParseException e = assertThrows(HttpParseException.class,
                () -> decode(decoders.get(), coded, coded.length, 64 * 1024, false));
        assertEquals(expected, e.violation(), e.getMessage());
        HttpParseException single = assertThrows(HttpParseException.class,
                () -> decode(decoders.get(), coded, 1, 5, false));
        assertEquals(expected, single.violation());
        return e;
    }

    @Test
    void decodesGzip() throws IOException {
        decodesEveryWay(GzipDecoder::new, gzip(TEXT), TEXT);
    }

    @Test
    void decodesGzipWithEveryHeaderFlag() {
        decodesEveryWay(GzipDecoder::new, gzipWithAllFlags(TEXT), TEXT);
    }

    @Test
    void decodesConcatenatedGzipMembersAsOneStream() throws IOException {
        byte[] a = "first member, ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] coded = Feeder.concat(Feeder.concat(gzip(a), gzipWithAllFlags(TEXT)), gzip(new byte[0]));
        decodesEveryWay(GzipDecoder::new, coded, Feeder.concat(a, TEXT));
    }

    @Test
    void decodesAnEmptyBodyToNothing() {
        assertEquals(0, decode(new GzipDecoder(), new byte[0], 1, 8, false).length);
        assertEquals(0, decode(new DeflateDecoder(), new byte[0], 1, 8, false).length);
    }

    @Test
    void rejectsBadGzipMagic() {
        HttpParseException e = fails(GzipDecoder::new, "not gzip at all".getBytes(StandardCharsets.ISO_8859_1),
                Violation.BAD_GZIP_HEADER);
        assertEquals(0, e.offset());
    }

    @Test
    void rejectsReservedGzipFlagsAndOtherMethods() throws IOException {
        byte[] g = gzip(TEXT);
        g[3] = (byte) 0x20;
        fails(GzipDecoder::new, g, Violation.BAD_GZIP_HEADER);
        byte[] m = gzip(TEXT);
        m[2] = 7;
        fails(GzipDecoder::new, m, Violation.BAD_GZIP_HEADER);
    }

    @Test
    void rejectsGzipCrcMismatch() throws IOException {
        byte[] g = gzip(TEXT);
        g[g.length - 8] ^= 1;
        HttpParseException e = fails(GzipDecoder::new, g, Violation.GZIP_CHECKSUM_MISMATCH);
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
    }

    @Test
    void rejectsGzipLengthMismatch() throws IOException {
        byte[] g = gzip(TEXT);
        g[g.length - 1] ^= 1;
        fails(GzipDecoder::new, g, Violation.GZIP_CHECKSUM_MISMATCH);
    }

    @Test
    void rejectsGzipHeaderCrcMismatch() {
        byte[] g = gzipWithAllFlags(TEXT);
        g[8] ^= 1;
        fails(GzipDecoder::new, g, Violation.GZIP_CHECKSUM_MISMATCH);
    }

    @Test
    void rejectsCorruptGzipData() throws IOException {
        byte[] g = gzip(TEXT);
        for (int i = 10; i < 30; i++) {
            g[i] = (byte) 0xFF;
        }
        fails(GzipDecoder::new, g, Violation.BAD_DEFLATE_DATA);
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        byte[] g = gzip(TEXT);
        for (int cut : new int[] {1, 5, 11, g.length / 2, g.length - 4, g.length - 1}) {
            HttpParseException e = fails(GzipDecoder::new, java.util.Arrays.copyOf(g, cut), Violation.TRUNCATED);
            assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        }
    }

    @Test
    void rejectsGarbageAfterAGzipMember() throws IOException {
        fails(GzipDecoder::new, Feeder.concat(gzip(TEXT), new byte[] {0, 0}), Violation.BAD_GZIP_HEADER);
    }

    @Test
    void decodesZlibWrappedDeflate() {
        decodesEveryWay(DeflateDecoder::new, deflate(TEXT, false), TEXT);
        DeflateDecoder d = new DeflateDecoder();
        decode(d, deflate(TEXT, false), 100, 100, false);
        assertTrue(d.isZlibWrapped());
    }

    @Test
    void decodesRawDeflate() {
        decodesEveryWay(DeflateDecoder::new, deflate(TEXT, true), TEXT);
        DeflateDecoder d = new DeflateDecoder();
        decode(d, deflate(TEXT, true), 100, 100, false);
        assertFalse(d.isZlibWrapped());
    }

    @Test
    void decodesShortRawAndZlibStreams() {
        for (String s : List.of("", "a", "ab", "hello")) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            decodesEveryWay(DeflateDecoder::new, deflate(b, true), b);
            decodesEveryWay(DeflateDecoder::new, deflate(b, false), b);
        }
    }

    @Test
    void rejectsCorruptDeflate() {
        byte[] z = deflate(TEXT, false);
        z[z.length - 1] ^= 0x55;
        fails(DeflateDecoder::new, z, Violation.BAD_DEFLATE_DATA);
        fails(DeflateDecoder::new, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, Violation.BAD_DEFLATE_DATA);
    }

    @Test
    void rejectsTruncatedDeflate() {
        byte[] z = deflate(TEXT, true);
        fails(DeflateDecoder::new, java.util.Arrays.copyOf(z, z.length / 2), Violation.TRUNCATED);
    }

    @Test
    void picksDecodersByCodingName() {
        assertInstanceOf(GzipDecoder.class, ContentDecoder.forCoding("gzip"));
        assertInstanceOf(GzipDecoder.class, ContentDecoder.forCoding("X-GZIP"));
        assertInstanceOf(DeflateDecoder.class, ContentDecoder.forCoding(" deflate "));
        assertNull(ContentDecoder.forCoding("identity"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentDecoder.forCoding("br"));
        assertTrue(e.getMessage().contains("\"br\""), e.getMessage());
    }
}
