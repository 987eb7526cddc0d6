package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {

    @TempDir
    Path tmp;

    /** Characters that make encoders and decoders trip: quotes, CR, LF, dashes, UTF-8. */
    private static final String ALPHABET = "ab-_.\"\r\n %;=\\파일文€😀";

    static String randomText(Random rnd, int max) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, rnd.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return sb.toString();
    }

    /** Content rich in CR, LF and dashes, so delimiter lookalikes appear often. */
    static byte[] randomContent(Random rnd, int max) {
        byte[] b = new byte[rnd.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            int k = rnd.nextInt(8);
            b[i] = k == 0 ? (byte) '\r' : k == 1 ? (byte) '\n' : k == 2 ? (byte) '-' : (byte) rnd.nextInt(256);
        }
        return b;
    }

    @Test
    void randomPartsSurviveEncodeThenDecodeInRandomSlices() throws IOException {
        Random rnd = new Random(42);
        for (int round = 0; round < 60; round++) {
            Multipart.Builder mb = Multipart.form();
            List<Part> parts = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            int n = 1 + rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                byte[] content = randomContent(rnd, rnd.nextInt(4) == 0 ? 70_000 : 300);
                Part.Builder pb = Part.builder().name(randomText(rnd, 8))
                        .filename(rnd.nextBoolean() ? randomText(rnd, 10) : null);
                if (rnd.nextBoolean()) {
                    pb.contentType(rnd.nextBoolean() ? "text/plain; charset=utf-8" : null);
                }
                if (rnd.nextInt(3) == 0) {
                    // Leading and trailing spaces are optional whitespace (RFC 9110 §5.5) and not kept.
                    pb.header("X-Note", "v" + randomText(rnd, 6).replace("\r", "").replace("\n", "") + "v");
                }
                switch (rnd.nextInt(3)) {
                    case 0: pb.body(content); break;
                    case 1: pb.body(Files.write(tmp.resolve("f" + round + "-" + i), content)); break;
                    default: pb.body(new ByteArrayInputStream(content), content.length);
                }
                Part p = pb.build();
                parts.add(p);
                contents.add(content);
                mb.part(p);
            }
            Multipart m = mb.build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            assertEquals(m.contentLength(), out.size());
            List<Collector.Decoded> got = Collector.decode(m.contentType(), out.toByteArray(),
                    Collector.Split.RANDOM, round);
            assertEquals(parts.size(), got.size(), "round " + round);
            for (int i = 0; i < parts.size(); i++) {
                Part want = parts.get(i);
                PartHeaders h = got.get(i).headers();
                ContentDisposition cd = ContentDisposition.parse(h.get("Content-Disposition"));
                // Names and filenames come back in their WHATWG-escaped form, as from a browser.
                assertEquals(Multipart.escape(want.name()), cd.name(), "round " + round + " part " + i);
                assertEquals(want.filename() == null ? null : Multipart.escape(want.filename()), cd.filename());
                assertEquals(want.contentType(), h.get("Content-Type"));
                assertEquals(want.headers().get("X-Note"), h.get("X-Note"));
                assertArrayEquals(contents.get(i), got.get(i).content(), "round " + round + " part " + i);
            }
        }
    }

    @Test
    void aFormWithASpilledFileRoundTripsThroughMultipartForm() throws IOException {
        Random rnd = new Random(7);
        byte[] big = new byte[2_000_000];
        rnd.nextBytes(big);
        Path f = Files.write(tmp.resolve("big.bin"), big);
        Multipart m = Multipart.form().field("title", "Holiday 🏖").field("title", "second")
                .file("photo", f).file("note", "note.txt", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8), null)
                .build();
        Path spillDir = Files.createDirectory(tmp.resolve("spill"));
        try (MultipartForm form = MultipartForm.builder(m.contentType()).tempDir(spillDir).read(m.openStream())) {
            assertEquals(List.of("Holiday 🏖", "second"), form.fields().get("title"));
            FormFile photo = form.file("photo");
            assertEquals("big.bin", photo.filename());
            assertEquals("application/octet-stream", photo.contentType());
            assertEquals(big.length, photo.size());
            assertEquals(false, photo.isInMemory());
            assertArrayEquals(big, Files.readAllBytes(photo.path()));
            assertEquals("text/plain", form.file("note").contentType());
        }
        try (var s = Files.list(spillDir)) {
            assertEquals(0, s.count(), "temp files deleted on close");
        }
    }
}
