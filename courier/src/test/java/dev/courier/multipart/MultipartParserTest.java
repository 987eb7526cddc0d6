package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    private static final String CT = "multipart/form-data; boundary=XX";

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Decodes {@code body} whole, one byte at a time and in random splits; all must agree. */
    private static List<Collector.Decoded> decodeAllWays(String ct, String body) {
        List<Collector.Decoded> whole = Collector.decode(ct, b(body), Collector.Split.WHOLE, 0);
        for (Collector.Split s : Collector.Split.values()) {
            for (long seed = 0; seed < 5; seed++) {
                List<Collector.Decoded> other = Collector.decode(ct, b(body), s, seed);
                assertEquals(whole.size(), other.size(), s.toString());
                for (int i = 0; i < whole.size(); i++) {
                    assertEquals(whole.get(i).headers(), other.get(i).headers());
                    assertEquals(str(whole.get(i).content()), str(other.get(i).content()), s + " part " + i);
                }
            }
        }
        return whole;
    }

    private static MultipartException failure(MultipartParser.Builder b, String body) {
        return assertThrows(MultipartException.class, () -> {
            MultipartParser p = b.build(new Collector());
            Collector.feed(p, b(body), Collector.Split.ONE_BYTE, 0);
            p.finish();
        });
    }

    @Test
    void skipsPreambleEpilogueAndTransportPadding() {
        List<Collector.Decoded> parts = decodeAllWays(CT,
                "junk\r\n-XX\r\n--X\r\nmore junk\r\n--XX \t\r\nA: 1\r\n\r\none\r\n--XX\r\n\r\ntwo\r\n--XX--  trailing\r\nepilogue");
        assertEquals(2, parts.size());
        assertEquals(PartHeaders.of("A", "1"), parts.get(0).headers());
        assertEquals("one", str(parts.get(0).content()));
        assertTrue(parts.get(1).headers().isEmpty());
        assertEquals("two", str(parts.get(1).content()));
    }

    @Test
    void keepsDelimiterLookalikesInsideContent() {
        String content = "\r\n--X\r\n-\r\r\n--\r\n--XY\r\r\n--X";
        List<Collector.Decoded> parts = decodeAllWays("multipart/mixed; boundary=\"XY Z\"",
                "--XY Z\r\n\r\n" + content + "\r\n--XY Z\r\n\r\n\r\n--XY Z--");
        assertEquals(content, str(parts.get(0).content()));
        assertEquals("", str(parts.get(1).content()));
    }

    @Test
    void joinsFoldedHeaderLinesAndDecodesUtf8() {
        List<Collector.Decoded> parts = decodeAllWays(CT,
                "--XX\r\nContent-Disposition: form-data;\r\n name=\"f\"; filename=\"파일.txt\"\r\nX:  v  \r\n\r\nx\r\n--XX--");
        assertEquals(List.of(List.of("Content-Disposition", "form-data; name=\"f\"; filename=\"파일.txt\""),
                List.of("X", "v")), parts.get(0).headers().pairs());
    }

    @Test
    void reportsABodyCutShortWithTheBoundaryBytesAndPart() {
        String body = "--XX\r\n\r\none\r\n--XX\r\nA: 1\r\n\r\ntw";
        MultipartException e = failure(MultipartParser.builder(CT), body);
        assertEquals("multipart body ended before the closing boundary --XX--; read " + body.length()
                + " bytes, in part #2; the upload was cut short (state BODY)", e.getMessage());
        MultipartException none = failure(MultipartParser.builder(CT), "hello");
        assertTrue(none.getMessage().contains("before the first boundary"), none.getMessage());
        assertTrue(failure(MultipartParser.builder(CT), "--XX\r\n\r\none\r\n--XX").getMessage()
                .contains("state AFTER_BOUNDARY"));
    }

    @Test
    void enforcesMaxPartsWithTinyValue() {
        String two = "--XX\r\n\r\na\r\n--XX\r\n\r\nb\r\n--XX--";
        assertEquals(2, Collector.decode(CT, b(two), Collector.Split.WHOLE, 0).size());
        MultipartException e = failure(MultipartParser.builder(CT).maxParts(1), two);
        assertTrue(e.getMessage().contains("more than maxParts=1 parts"), e.getMessage());
    }

    @Test
    void enforcesMaxPartHeaderBytesWithTinyValue() {
        String body = "--XX\r\nA: 12345\r\n\r\nx\r\n--XX--";
        MultipartParser p = MultipartParser.builder(CT).maxPartHeaderBytes(12).build(new Collector());
        p.feed(ByteBuffer.wrap(b(body)));
        p.finish();
        MultipartException e = failure(MultipartParser.builder(CT).maxPartHeaderBytes(11), body);
        assertTrue(e.getMessage().contains("header section of part #1 exceeds maxPartHeaderBytes=11 (read 11"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\"A: 12345\\r\\n\\r\""), e.getMessage());
        MultipartException pad = failure(MultipartParser.builder(CT).maxPartHeaderBytes(3), "--XX    \r\n");
        assertTrue(pad.getMessage().contains("transport padding"), pad.getMessage());
    }

    @Test
    void enforcesMaxTotalBytesWithTinyValue() {
        String body = "--XX\r\n\r\nabc\r\n--XX--";
        MultipartParser ok = MultipartParser.builder(CT).maxTotalBytes(body.length()).build(new Collector());
        ok.feed(ByteBuffer.wrap(b(body)));
        ok.finish();
        MultipartException e = failure(MultipartParser.builder(CT).maxTotalBytes(body.length() - 1), body);
        assertTrue(e.getMessage().contains("exceeds maxTotalBytes=" + (body.length() - 1) + " (read " + body.length()),
                e.getMessage());
    }

    @Test
    void rejectsMissingOrUnusableBoundaryParameters() {
        MultipartException e = assertThrows(MultipartException.class,
                () -> MultipartParser.builder("multipart/form-data"));
        assertTrue(e.getMessage().contains("has no boundary parameter"), e.getMessage());
        assertThrows(MultipartException.class, () -> MultipartParser.builder("multipart/form-data; boundary=\"\""));
        assertTrue(assertThrows(MultipartException.class, () -> MultipartParser.builder("text/plain; boundary=a"))
                .getMessage().contains("is not multipart/*"));
        assertThrows(MultipartException.class, () -> MultipartParser.builder(null));
        assertEquals("a b", Boundary.fromContentType("Multipart/Mixed; charset=x; BOUNDARY=\"a b\""));
    }

    @Test
    void rejectsGarbageAfterABoundaryAndMalformedHeaderLines() {
        assertTrue(failure(MultipartParser.builder(CT), "--XX\r\n\r\na\r\n--XXY\r\n").getMessage()
                .contains("unexpected byte \"Y\" after --XX"));
        assertTrue(failure(MultipartParser.builder(CT), "--XX\r\nno colon\r\n\r\n").getMessage()
                .contains("header line \"no colon\" is not \"Name: value\""));
        assertTrue(failure(MultipartParser.builder(CT), "--XX\r\nA: 1\r\n\r\nx\r\n--XX-x").getMessage()
                .contains("expected \"--\""));
        assertTrue(failure(MultipartParser.builder(CT), "--XX\rx").getMessage().contains("expected LF after CR"));
        MultipartParser p = MultipartParser.forContentType(CT, new Collector());
        assertThrows(MultipartException.class, () -> p.feed(ByteBuffer.wrap(b("--XX!"))));
        assertEquals(MultipartParser.State.FAILED, p.state());
        assertThrows(IllegalStateException.class, () -> p.feed(ByteBuffer.wrap(b("\r\n"))), "no input after a failure");
    }

    @Test
    void readsFromAStreamAndStopsCaringAfterTheCloseDelimiter() throws Exception {
        Collector c = new Collector();
        MultipartParser.parse(new ByteArrayInputStream(b("--XX\r\n\r\nv\r\n--XX--\r\n--XX\r\n\r\nignored")), CT, c);
        assertEquals(1, c.parts.size());
        MultipartParser p = MultipartParser.forContentType(CT, new Collector());
        assertFalse(p.isComplete());
        p.feed(ByteBuffer.wrap(b("--XX--")));
        assertTrue(p.isComplete());
    }

    @Test
    void dataSlicesAreReadOnlyViews() {
        MultipartParser p = MultipartParser.forContentType(CT, new MultipartParser.Listener() {
            @Override
            public void partStart(int index, PartHeaders headers) { }

            @Override
            public void partData(ByteBuffer data) {
                assertTrue(data.isReadOnly());
                assertEquals(0, data.position());
            }

            @Override
            public void partEnd() { }
        });
        p.feed(ByteBuffer.wrap(b("--XX\r\n\r\nabc\r\n--X")));
        p.feed(ByteBuffer.wrap(b("Y\r\n--XX--")));
        p.finish();
    }

    @Test
    void findsShortBoundariesInContentFullOfLookalikesAtEverySplit() {
        java.util.Random rnd = new java.util.Random(5);
        for (String boundary : new String[] {"-", "x", "--x", "a-b-c-d-e-f-g-h-i-j"}) {
            for (int round = 0; round < 40; round++) {
                String delim = "\r\n--" + boundary;
                StringBuilder body = new StringBuilder("--" + boundary);
                List<String> want = new java.util.ArrayList<>();
                for (int part = 0; part < 1 + rnd.nextInt(3); part++) {
                    StringBuilder c = new StringBuilder();
                    for (int i = 0; i < rnd.nextInt(200); i++) {
                        c.append("\r\n-x-abc".charAt(rnd.nextInt(8)));
                        // Keep the part valid: drop the char that would complete a delimiter.
                        if (("\r\n" + c).contains(delim)) {
                            c.setLength(c.length() - 1);
                        }
                    }
                    want.add(c.toString());
                    body.append("\r\n\r\n").append(c).append(delim);
                }
                body.append("--");
                for (Collector.Split s : Collector.Split.values()) {
                    List<Collector.Decoded> got = Collector.decode("multipart/mixed; boundary=\"" + boundary + "\"",
                            b(body.toString()), s, round);
                    assertEquals(want.size(), got.size(), boundary + " round " + round);
                    for (int i = 0; i < want.size(); i++) {
                        assertEquals(want.get(i), str(got.get(i).content()), boundary + " round " + round + " " + s);
                    }
                }
            }
        }
    }
}
