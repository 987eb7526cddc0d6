package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartFormTest {

    @TempDir
    Path tmp;

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private long tempFileCount() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void collectsFieldsInOrderAndFilesFromTheCurlVector() throws Exception {
        Map<String, Object> v = Vectors.load("decode", 4).get(0);
        assertEquals("curl-form", v.get("name"));
        byte[] body = Base64.getDecoder().decode((String) v.get("body_b64"));
        MultipartForm form = MultipartForm.builder((String) v.get("content_type")).tempDir(tmp)
                .memoryThreshold(1000).read(new ByteArrayInputStream(body));
        assertEquals(Map.of("name", List.of("value"), "uni", List.of("한국어")), form.fields());
        FormFile upload = form.file("upload");
        assertEquals("a.txt", upload.filename());
        assertEquals("text/plain", upload.contentType());
        assertEquals("hello\r\n--notboundary\r\nworld", new String(upload.bytes(), StandardCharsets.UTF_8));
        assertTrue(upload.isInMemory());
        FormFile bin = form.file("bin");
        assertEquals(3000, bin.size());
        assertFalse(bin.isInMemory(), "3000 bytes is above the 1000-byte threshold");
        assertTrue(Files.exists(bin.path()));
        assertEquals(3000, bin.bytes().length);
        form.close();
        assertFalse(Files.exists(bin.path()), "close() deletes the temporary file");
        assertThrows(IOException.class, bin::open);
        assertEquals(27, upload.bytes().length, "in-memory content outlives close()");
    }

    @Test
    void keepsRepeatedNamesInOrder() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n1\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n2\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nA\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b\"\r\n\r\nB\r\n--b--";
        try (MultipartForm form = MultipartForm.read(in(body), "multipart/form-data; boundary=b")) {
            assertEquals(List.of("1", "2"), form.fields().get("k"));
            assertEquals("a", form.files().get("f").get(0).filename());
            assertEquals("b", form.files().get("f").get(1).filename());
            assertNull(form.files().get("f").get(1).contentType());
            assertThrows(UnsupportedOperationException.class, () -> form.fields().get("k").add("3"));
        }
    }

    @Test
    void decodesFilenameStarAndFieldCharsets() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"plain.txt\";"
                + " filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\nx\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"l\"\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n";
        byte[] latin = {(byte) 0xe9};
        byte[] tail = "\r\n--b--".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[body.length() + 1 + tail.length];
        System.arraycopy(body.getBytes(StandardCharsets.US_ASCII), 0, all, 0, body.length());
        all[body.length()] = latin[0];
        System.arraycopy(tail, 0, all, body.length() + 1, tail.length);
        try (MultipartForm form = MultipartForm.read(new ByteArrayInputStream(all), "multipart/form-data; boundary=b")) {
            assertEquals("€ rates.txt", form.file("f").filename());
            assertEquals("é", form.field("l"));
        }
    }

    @Test
    void spillsToDiskWhenMaxMemoryWouldBePassedAndRejectsOversizedFields() throws IOException {
        String file = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n0123456789\r\n--b--";
        try (MultipartForm form = MultipartForm.builder("multipart/form-data; boundary=b").tempDir(tmp)
                .maxMemoryBytes(5).read(in(file))) {
            assertFalse(form.file("f").isInMemory());
            assertEquals("0123456789", new String(form.file("f").bytes(), StandardCharsets.UTF_8));
        }
        assertEquals(0, tempFileCount());
        String field = "--b\r\nContent-Disposition: form-data; name=\"big\"\r\n\r\n0123456789\r\n--b--";
        MultipartException e = assertThrows(MultipartException.class, () ->
                MultipartForm.builder("multipart/form-data; boundary=b").maxMemoryBytes(5).read(in(field)));
        assertTrue(e.getMessage().contains("form fields exceed maxMemoryBytes=5 (field \"big\" in part #1"),
                e.getMessage());
    }

    @Test
    void deletesTemporaryFilesWhenTheBodyIsCutShort() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n0123456789";
        MultipartException e = assertThrows(MultipartException.class, () -> MultipartForm
                .builder("multipart/form-data; boundary=b").tempDir(tmp).memoryThreshold(0).read(in(body)));
        assertTrue(e.getMessage().contains("ended before the closing boundary --b--"), e.getMessage());
        assertEquals(0, tempFileCount(), "the spilled file of the failed upload was deleted");
    }

    @Test
    void theSansIoDecoderAppliesEveryParserLimit() throws IOException {
        String two = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--b--";
        FormDecoder d = MultipartForm.builder("multipart/form-data; boundary=b").maxParts(1).decoder();
        assertThrows(MultipartException.class, () -> d.feed(ByteBuffer.wrap(two.getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalStateException.class, () -> d.feed(ByteBuffer.allocate(1)), "aborted decoders refuse input");
        assertThrows(MultipartException.class, () -> MultipartForm.builder("multipart/form-data; boundary=b")
                .maxPartHeaderBytes(10).read(in(two)));
        assertThrows(MultipartException.class, () -> MultipartForm.builder("multipart/form-data; boundary=b")
                .maxTotalBytes(10).read(in(two)));
        FormDecoder ok = MultipartForm.builder("multipart/form-data; boundary=b").decoder();
        for (byte x : two.getBytes(StandardCharsets.UTF_8)) {
            ok.feed(ByteBuffer.wrap(new byte[] {x}));
        }
        assertEquals("2", ok.finish().field("b"));
    }

    @Test
    void refusesAPartWithoutAName() {
        String body = "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--";
        MultipartException e = assertThrows(MultipartException.class,
                () -> MultipartForm.read(in(body), "multipart/form-data; boundary=b"));
        assertTrue(e.getMessage().contains("part #1 has no Content-Disposition name (no such header)"), e.getMessage());
    }

    @Test
    void parsesContentDispositionParameters() {
        ContentDisposition d = ContentDisposition.parse(
                "Form-Data; NAME=\"a\\\"b\"; filename=\"C:\\dir\\x.txt\"; size=3; flag");
        assertEquals("form-data", d.type());
        assertEquals("a\"b", d.name());
        assertEquals("C:\\dir\\x.txt", d.filename(), "backslashes not before a quote stay literal");
        assertEquals("3", d.param("SIZE"));
        // WHATWG senders leave backslashes alone: a backslash before the closing quote is literal.
        assertEquals("a\\", ContentDisposition.parse("form-data; name=\"a\\\"; filename=\"b\\\"").name());
        assertEquals("b\\", ContentDisposition.parse("form-data; name=\"a\\\"; filename=\"b\\\"").filename());
        assertNull(d.param("flag"));
        assertEquals("plain", ContentDisposition.parse("attachment; filename=plain; filename*=bogus").filename());
        assertEquals("£", ContentDisposition.parse("attachment; filename*=iso-8859-1'en'%A3").filename());
        assertArrayEquals(new String[] {"name", "filename", "size"}, d.params().keySet().toArray());
    }
}
