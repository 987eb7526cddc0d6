package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartEncoderTest {

    @TempDir
    Path tmp;

    private static String text(Multipart m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void randomBoundariesAre32HexDigitsAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String b = Multipart.form().field("a", "1").build().boundary();
            assertEquals(32, b.length());
            assertTrue(b.chars().allMatch(c -> Character.digit(c, 16) >= 0), b);
            seen.add(b);
        }
        assertEquals(50, seen.size());
    }

    @Test
    void rejectsBadBoundariesSayingWhich() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multipart.form().boundary(""))
                .getMessage().contains("1 to 70"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multipart.form().boundary("x".repeat(71)))
                .getMessage().contains("got 71"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multipart.form().boundary("a\"b"))
                .getMessage().contains("at index 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multipart.form().boundary("ab "))
                .getMessage().contains("ends with a space"));
        assertEquals("x".repeat(70), Multipart.form().boundary("x".repeat(70)).field("a", "b").build().boundary());
    }

    @Test
    void quotesABoundaryThatIsNotAToken() {
        Multipart m = Multipart.form().boundary("a:b c").field("a", "1").build();
        assertEquals("multipart/form-data; boundary=\"a:b c\"", m.contentType());
    }

    @Test
    void rejectsABoundaryFoundAtALineStartInAnInMemoryPartNamingThePart() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multipart.form()
                .boundary("XyZ").field("ok", "no boundary here").field("bad", "line\r\n--XyZ--\r\n").build());
        assertTrue(e.getMessage().contains("part #2 (name \"bad\") at offset 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Multipart.form().boundary("XyZ").field("start", "--XyZ").build());
        // Mid-line occurrences cannot be taken for a delimiter and are allowed.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multipart.form().boundary("XyZ")
                .part(Part.builder().name("n").header("--XyZ", "v").body("x").build()).build())
                .getMessage().contains("starts with the delimiter --XyZ"));
        Multipart ok = Multipart.form().boundary("XyZ").field("f", "a--XyZ").build();
        assertEquals("--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\na--XyZ\r\n--XyZ--\r\n", text(ok));
    }

    @Test
    void guessesFileTypesFromTheNameAndFallsBackToOctetStream() throws IOException {
        Path png = Files.write(tmp.resolve("pic.PNG"), new byte[] {1, 2});
        Path odd = Files.write(tmp.resolve("data.zzqq"), new byte[] {3});
        Multipart m = Multipart.form().file("p", png).file("o", odd)
                .file("b", "notes.txt", "hi".getBytes(StandardCharsets.UTF_8), null)
                .file("c", "x.bin", new byte[0], "image/gif").build();
        assertEquals("image/png", m.parts().get(0).contentType());
        assertEquals("pic.PNG", m.parts().get(0).filename());
        assertEquals("application/octet-stream", m.parts().get(1).contentType());
        assertEquals("text/plain", m.parts().get(2).contentType());
        assertEquals("image/gif", m.parts().get(3).contentType());
        assertEquals(null, Multipart.form().field("f", "v").build().parts().get(0).contentType());
        // As urllib3's (None, data) tuple: a file part without a filename is still octet-stream.
        Multipart noName = Multipart.form().boundary("b").file("f", null, new byte[] {1}, null).build();
        assertEquals("--b\r\nContent-Disposition: form-data; name=\"f\"\r\nContent-Type: application/octet-stream"
                + "\r\n\r\n\u0001\r\n--b--\r\n", text(noName));
        assertEquals("image/png", Multipart.form().file("f", null, png, null).build().parts().get(0).contentType());
    }

    @Test
    void rendersRelatedWithTypeAndStartAndMixedWithoutNames() throws IOException {
        Multipart r = Multipart.related().boundary("rel").type("application/json").start("<root@x>")
                .part(Part.builder().contentType("application/json").header("Content-ID", "<root@x>")
                        .body("{}").build())
                .part(Part.builder().filename("a.png").body(new byte[] {7}).build())
                .build();
        assertEquals("multipart/related; boundary=rel; type=\"application/json\"; start=\"<root@x>\"",
                r.contentType());
        assertEquals("--rel\r\nContent-Type: application/json\r\nContent-ID: <root@x>\r\n\r\n{}\r\n"
                + "--rel\r\nContent-Disposition: attachment; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                + "\u0007\r\n--rel--\r\n", text(r));
        assertEquals(text(r).getBytes(StandardCharsets.UTF_8).length, r.contentLength());
        assertEquals("multipart/alternative; boundary=alt", Multipart.alternative().boundary("alt")
                .part(Part.builder().contentType("text/plain").body("hi").build()).build().contentType());
        assertThrows(IllegalArgumentException.class, () -> Multipart.mixed().type("text/plain"));
        assertThrows(IllegalArgumentException.class, () -> Multipart.mixed().field("n", "v"));
        assertThrows(IllegalArgumentException.class,
                () -> Multipart.form().part(Part.builder().body("no name").build()));
    }

    @Test
    void rejectsExtraHeadersTheEncoderWritesItself() {
        assertThrows(IllegalArgumentException.class,
                () -> Part.builder().name("a").header("content-type", "text/plain").body("x").build());
        assertThrows(IllegalArgumentException.class,
                () -> Part.builder().name("a").header("Content-Disposition", "inline").body("x").build());
        assertThrows(IllegalArgumentException.class, () -> Part.builder().name("a").header("X-A", "1\r\nX-B: 2"));
        assertThrows(IllegalArgumentException.class, () -> Part.builder().name("a").header("Bad Name", "1"));
        assertThrows(IllegalArgumentException.class, () -> Part.builder().name("a").build());
    }

    @Test
    void oneShotStreamsAreNotReplayableAndRefuseASecondWrite() throws IOException {
        Multipart m = Multipart.form().boundary("b")
                .file("f", "f.txt", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "text/plain").build();
        assertFalse(m.isReplayable());
        assertEquals(m.contentLength(), m.writeTo(new ByteArrayOutputStream()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.writeTo(new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("cannot be sent twice"));
        Path f = Files.write(tmp.resolve("a.txt"), new byte[] {1});
        assertTrue(Multipart.form().field("a", "b").file("f", f).build().isReplayable());
    }

    @Test
    void aStreamShorterThanItsDeclaredLengthFailsInsteadOfSendingAWrongBody() {
        Multipart m = Multipart.form().file("f", "f", new ByteArrayInputStream(new byte[2]), 5, null).build();
        IOException e = assertThrows(IOException.class, () -> m.writeTo(new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("ended after 2 of its declared 5 bytes"), e.getMessage());
    }

    @Test
    void aFileThatChangedSizeAfterBuildingFailsBeforeSending() throws IOException {
        Path f = Files.write(tmp.resolve("grow.txt"), new byte[10]);
        Multipart m = Multipart.form().file("f", f).build();
        Files.write(f, new byte[11]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> m.writeTo(Channels.newChannel(out)));
        assertTrue(e.getMessage().contains("changed size from 10 to 11"), e.getMessage());
        assertThrows(IOException.class, () -> m.openStream().readAllBytes());
    }

    @Test
    void reportsProgressUpToTheTotalOnEveryOutput() throws IOException {
        Path f = Files.write(tmp.resolve("big.bin"), new byte[300_000]);
        Multipart m = Multipart.form().field("a", "1").file("f", f).build();
        List<long[]> calls = new ArrayList<>();
        ProgressListener l = (sent, total) -> calls.add(new long[] {sent, total});
        m.writeTo(new ByteArrayOutputStream(), l);
        checkProgress(calls, m.contentLength());
        calls.clear();
        m.writeTo(Channels.newChannel(new ByteArrayOutputStream()), l);
        checkProgress(calls, m.contentLength());
        calls.clear();
        try (InputStream in = m.openStream(l)) {
            assertEquals(m.contentLength(), in.readAllBytes().length);
        }
        checkProgress(calls, m.contentLength());
    }

    private static void checkProgress(List<long[]> calls, long total) {
        assertTrue(calls.size() > 2, "progress was reported " + calls.size() + " times");
        long prev = 0;
        for (long[] c : calls) {
            assertTrue(c[0] > prev, "sent grows");
            assertEquals(total, c[1]);
            prev = c[0];
        }
        assertEquals(total, prev);
    }

    @Test
    void theLazyStreamOpensAFileOnlyWhenReadingReachesIt() throws IOException {
        Path f = Files.write(tmp.resolve("late.txt"), "late".getBytes(StandardCharsets.UTF_8));
        Multipart m = Multipart.form().boundary("b").field("a", "1").file("f", f).build();
        try (InputStream in = m.openStream()) {
            byte[] first = in.readNBytes(10);
            assertEquals("--b\r\nConte", new String(first, StandardCharsets.UTF_8));
            Files.delete(f); // not yet opened, so reading on must now fail
            assertThrows(IOException.class, in::readAllBytes);
        }
    }

    @Test
    void anEmptyFormIsJustTheCloseDelimiterAsUrllib3Writes() throws IOException {
        Multipart m = Multipart.form().boundary("e").build();
        assertEquals("--e--\r\n", text(m));
        assertEquals(7, m.contentLength());
        assertNotEquals(m.boundary(), Multipart.form().build().boundary());
        assertArrayEquals("--e--\r\n".getBytes(StandardCharsets.US_ASCII), m.openStream().readAllBytes());
    }
}
