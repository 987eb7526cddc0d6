package dev.courier.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.multipart.Multipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Courier's client uploads a multipart form to a Flask app, a decoder nobody here wrote:
 * Werkzeug must see the same fields, file names, content types and bytes (SHA-256) that were
 * sent, with a file above 50 MiB streamed from disk.
 */
class FlaskUploadTest {

    /** Above the 50 MiB the issue asks for, and not a multiple of any buffer size. */
    static final long BIG = 50L * 1024 * 1024 + 123_457;

    @TempDir
    Path dir;

    @Test
    void flaskReceivesFieldsAndTwoFilesOneAbove50MibExactly() throws Exception {
        Path big = dir.resolve("big.bin");
        String bigSha = TestFiles.writeRandom(big, BIG, 42);
        Path notes = dir.resolve("notes.txt");
        byte[] notesBytes = "first line\r\n--not a boundary\r\nlast line, no newline".getBytes(StandardCharsets.UTF_8);
        Files.write(notes, notesBytes);
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};

        Multipart form = Multipart.form()
                .field("title", "Holiday ☀ in Zürich")
                .field("tag", "sea")
                .field("tag", "sun")
                .file("notes", notes)                                        // type guessed from .txt
                .file("big", big)                                            // guessed: octet-stream
                .file("photo", "café photo.png", photo, "image/png")         // UTF-8 file name
                .build();
        try (PythonServer flask = PythonServer.start(dir, "flask_peer.py", List.of("flask"));
                Session session = Session.builder().build()) {
            Response r = session.post(flask.url("127.0.0.1", "/upload"), Body.multipart(form));
            assertEquals(200, r.statusCode(), () -> r.text() + "\n" + flask.stderr());
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) r.json();

            assertEquals(form.contentType(), seen.get("contentType"));
            assertEquals(Long.toString(form.contentLength()), seen.get("contentLength"), "exact length announced");
            assertNull(seen.get("transferEncoding"), "no chunked coding when every length is known");
            assertEquals(List.of(List.of("title", "Holiday ☀ in Zürich"), List.of("tag", "sea"), List.of("tag", "sun")),
                    seen.get("fields"));
            assertEquals(List.of(
                    file("notes", "notes.txt", "text/plain", notesBytes.length, TestFiles.sha256Hex(notesBytes)),
                    file("big", "big.bin", "application/octet-stream", BIG, bigSha),
                    file("photo", "café photo.png", "image/png", photo.length, TestFiles.sha256Hex(photo))),
                    seen.get("files"));
        }
    }

    @Test
    void flaskReceivesAChunkedUploadWhenAPartIsAStreamOfUnknownLength() throws Exception {
        Path data = dir.resolve("stream.bin");
        long size = 3L * 1024 * 1024 + 17;
        String sha = TestFiles.writeRandom(data, size, 9);
        try (InputStream in = Files.newInputStream(data);
                PythonServer flask = PythonServer.start(dir, "flask_peer.py", List.of("flask"));
                Session session = Session.builder().build()) {
            Multipart form = Multipart.form().field("kind", "stream")
                    .file("log", "log.bin", in, -1, "application/x-log").build();
            Response r = session.post(flask.url("127.0.0.1", "/upload"), Body.multipart(form));
            assertEquals(200, r.statusCode(), () -> r.text() + "\n" + flask.stderr());
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) r.json();
            assertEquals("chunked", seen.get("transferEncoding"), "length unknown: chunked coding");
            assertNull(seen.get("contentLength"));
            assertEquals(List.of(List.of("kind", "stream")), seen.get("fields"));
            assertEquals(List.of(file("log", "log.bin", "application/x-log", size, sha)), seen.get("files"));
        }
    }

    /** Returns a file entry as the Flask app reports it (JSON numbers read back as Long). */
    static Map<String, Object> file(String name, String filename, String type, long size, String sha) {
        return Map.of("name", name, "filename", filename, "contentType", type, "size", size, "sha256", sha);
    }
}
