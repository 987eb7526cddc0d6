package dev.courier.interop;

import dev.courier.testsupport.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.json.Json;
import dev.courier.multipart.FormFile;
import dev.courier.multipart.Multipart;
import dev.courier.server.Form;
import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.ServerLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoders nobody here wrote upload to a Courier server route that decodes the form and reports
 * every field and file (name, file name, content type, size, SHA-256, whether it spilled to
 * disk): Python's requests ({@code files=}/{@code data=}), requests_toolbelt's
 * {@code MultipartEncoder}, curl's {@code -F}, and Courier's own client as a control.
 */
class CourierServerUploadTest {

    /** Above the decoder's 500 KiB memory threshold, so the file spills to disk; odd on purpose. */
    static final long BIG = 12L * 1024 * 1024 + 4_321;
    static final String TITLE = "Holiday ☀ in Zürich";
    static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
    static final byte[] NOTES = "first line\r\n--not a boundary\r\nlast line, no newline".getBytes(StandardCharsets.UTF_8);

    /** Held so the level sticks (JUL keeps loggers weakly): errors still print, access lines do not. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.courier.server");

    static {
        QUIET.setLevel(java.util.logging.Level.WARNING);
    }

    @TempDir
    static Path dir;
    static Path notes;
    static Path big;
    static Path photo;
    static String bigSha;
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        notes = Files.write(dir.resolve("notes.txt"), NOTES);
        photo = Files.write(dir.resolve("photo.png"), PHOTO);
        big = dir.resolve("big.bin");
        bigSha = TestFiles.writeRandom(big, BIG, 7);
        server = HttpServer.builder()
                .limits(ServerLimits.builder().maxBodyBytes(64L * 1024 * 1024).build())
                .post("/upload", CourierServerUploadTest::report)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The route under test: decodes the form and reports what it holds, hashing each file. */
    static Reply report(Request req) throws IOException {
        Form form = req.form();
        List<List<String>> fields = new ArrayList<>();
        form.fields().forEach((name, values) -> values.forEach(v -> fields.add(List.of(name, v))));
        List<Map<String, Object>> files = new ArrayList<>();
        for (List<FormFile> sameName : form.files().values()) {
            for (FormFile f : sameName) {
                MessageDigest sha = TestFiles.sha256();
                long size = 0;
                try (InputStream in = f.open()) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) >= 0; size += n) {
                        sha.update(buf, 0, n);
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("filename", f.filename());
                m.put("contentType", f.contentType());
                m.put("size", size);
                m.put("declaredSize", f.size());
                m.put("sha256", HexFormat.of().formatHex(sha.digest()));
                m.put("inMemory", f.isInMemory());
                files.add(m);
            }
        }
        return Reply.json(Map.of("fields", fields, "files", files));
    }

    /** Asserts that the server's report {@code json} shows exactly the form every client sends. */
    static void assertReport(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) Json.parse(json);
        assertEquals(List.of(List.of("title", TITLE), List.of("tag", "sea"), List.of("tag", "sun")), seen.get("fields"), json);
        assertEquals(List.of(
                file("notes", "notes.txt", "text/plain", NOTES.length, TestFiles.sha256Hex(NOTES), true),
                file("big", "big.bin", "application/octet-stream", BIG, bigSha, false),
                file("photo", "café photo.png", "image/png", PHOTO.length, TestFiles.sha256Hex(PHOTO), true)),
                seen.get("files"), json);
    }

    static Map<String, Object> file(String name, String filename, String type, long size, String sha, boolean inMemory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("filename", filename);
        m.put("contentType", type);
        m.put("size", size);
        m.put("declaredSize", size);
        m.put("sha256", sha);
        m.put("inMemory", inMemory);
        return m;
    }

    private static void python(String mode, String... modules) throws IOException {
        assumeTrue(Processes.available("python3"), "python3 is not installed: upload by Python skipped");
        assumeTrue(Processes.pythonHas(modules), "python3 lacks " + String.join(" or ", modules) + ": upload skipped");
        Path script = dir.resolve("upload_client.py");
        try (InputStream in = CourierServerUploadTest.class.getResourceAsStream("upload_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Processes.Result r = Processes.run(dir, List.of("python3", script.toString(), mode, server.url() + "/upload",
                notes.toString(), big.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) Json.parse(r.stdout());
        assertEquals(200L, out.get("status"), r::describe);
        assertTrue(((String) out.get("sent")).startsWith("multipart/form-data; boundary="), r::describe);
        assertReport((String) out.get("body"));
    }

    @Test
    void pythonRequestsFilesAndDataUploadIsDecodedExactly() throws IOException {
        python("requests", "requests");
    }

    @Test
    void toolbeltMultipartEncoderUploadIsDecodedExactly() throws IOException {
        python("toolbelt", "requests", "requests_toolbelt");
    }

    @Test
    void curlFormUploadIsDecodedExactly() throws IOException {
        assumeTrue(Processes.available("curl"), "curl is not installed: curl -F upload skipped");
        // Over 1 MiB curl sends "Expect: 100-continue", so the server's interim response is exercised too.
        Processes.Result r = Processes.run(dir, List.of("curl", "-sS", "--max-time", "20",
                "-F", "title=" + TITLE, "-F", "tag=sea", "-F", "tag=sun",
                "-F", "notes=@" + notes + ";type=text/plain",
                "-F", "big=@" + big + ";type=application/octet-stream",
                "-F", "photo=@" + photo + ";filename=\"café photo.png\";type=image/png",
                "-w", "\n%{http_code}", server.url() + "/upload"));
        assertEquals(0, r.exitCode(), r::describe);
        String out = r.stdout();
        int cut = out.lastIndexOf('\n');
        assertEquals("200", out.substring(cut + 1), r::describe);
        assertReport(out.substring(0, cut));
    }

    @Test
    void courierClientChunkedUploadOfAStreamIsDecodedExactlyByCourierServer() throws IOException {
        try (InputStream in = Files.newInputStream(big); Session s = Session.create()) {
            Multipart form = Multipart.form().field("title", TITLE).field("tag", "sea").field("tag", "sun")
                    .file("notes", notes).file("big", "big.bin", in, -1, null)
                    .file("photo", "café photo.png", PHOTO, "image/png").build();
            assertEquals(-1, form.contentLength(), "a part of unknown length makes the body chunked");
            try (Response r = s.post(server.url() + "/upload", Body.multipart(form))) {
                assertEquals(200, r.statusCode(), r::text);
                assertReport(r.text());
            }
        }
    }

    @Test
    void courierClientUploadIsDecodedExactlyByCourierServer() throws IOException {
        Multipart form = Multipart.form().field("title", TITLE).field("tag", "sea").field("tag", "sun")
                .file("notes", notes).file("big", big).file("photo", "café photo.png", PHOTO, "image/png").build();
        try (Session s = Session.create(); Response r = s.post(server.url() + "/upload", Body.multipart(form))) {
            assertEquals(200, r.statusCode(), r::text);
            assertReport(r.text());
        }
    }
}
