package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.cookie.SetCookie;
import dev.courier.multipart.FormFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler's view of a request over a real connection: query, cookies, JSON, forms, uploads. */
class RequestApiTest {

    private final AtomicReference<Path> spilled = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(new Router()
                .get("/query", req -> Reply.text(req.queryAll("tag") + " " + req.query("q") + " " + req.query("none")
                        + " " + req.queryParams().keySet()))
                .get("/cookies", req -> Reply.builder(200)
                        .cookie(SetCookie.builder("seen", "yes").path("/").httpOnly(true).build())
                        .body(Dispatch.bytes(req.cookie("sid") + " " + req.cookie("theme") + " " + req.cookie("none")))
                        .build())
                .post("/json", req -> {
                    Map<?, ?> m = req.json(Map.class);
                    return Reply.json(Map.of("got", m.get("name"), "secure", req.isSecure()));
                })
                .post("/form", req -> {
                    Form f = req.form();
                    FormFile file = f.file("upload");
                    if (file != null && !file.isInMemory()) {
                        spilled.set(file.path());
                    }
                    return Reply.text(f.fieldAll("a") + " " + f.field("b")
                            + (file == null ? "" : " " + file.filename() + ":" + file.size() + ":" + Files.exists(file.path() == null ? Path.of("/") : file.path())));
                }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void decodesMultiValuedQueryParameters() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /query?tag=a&tag=b%20c&q=caf%C3%A9+x HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            String body = new String(r.substring(r.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            assertEquals("[a, b c] café x null [tag, q]", body);
        }
    }

    @Test
    void readsCookiesAndSetsOne() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /cookies HTTP/1.1\r\nHost: x\r\nCookie: sid=31d4; theme=\"dark\"\r\n\r\n").readResponse();
            assertTrue(r.endsWith("31d4 dark null"), r);
            assertTrue(r.contains("Set-Cookie: seen=yes; Path=/; HttpOnly\r\n"), r);
        }
    }

    @Test
    void readsJsonAndRepliesWithJson() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String json = "{\"name\":\"Ada\"}";
            String r = c.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length() + "\r\n\r\n" + json).readResponse();
            assertTrue(r.contains("Content-Type: application/json\r\n"), r);
            assertTrue(r.contains("\"got\":\"Ada\"") && r.contains("\"secure\":false"), r);
            String bad = c.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n{x:").readResponse();
            assertTrue(bad.startsWith("HTTP/1.1 400") && bad.contains("not valid JSON"), bad);
        }
    }

    @Test
    void readsAnUrlencodedForm() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String body = "a=1&a=2&b=x+y%21";
            String r = c.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).readResponse();
            assertTrue(r.endsWith("[1, 2] x y!"), r);
        }
    }

    @Test
    void answers415ForAFormOfAnotherType() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx").readResponse();
            assertTrue(r.startsWith("HTTP/1.1 415"), r);
        }
    }

    @Test
    void decodesAMultipartUploadAndDeletesItsTemporaryFileAfterTheRequest() throws Exception {
        int size = 600 * 1024; // over the 500 KiB memory threshold: spills to a temporary file
        String boundary = "----courier-test-boundary";
        StringBuilder sb = new StringBuilder();
        sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfield\r\n");
        sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"big.bin\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        sb.append("z".repeat(size)).append("\r\n--").append(boundary).append("--\r\n");
        byte[] body = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        try (RawClient c = new RawClient(server.port())) {
            c.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").send(body);
            String r = c.readResponse();
            assertTrue(r.endsWith("[field] null big.bin:" + size + ":true"), r);
        }
        Path tmp = spilled.get();
        assertNotNull(tmp, "the upload was spilled to disk");
        // The handler saw the file (":true" above); it is deleted once the request ends, which may
        // be after the reply reached us: wait for that, generously for a loaded machine.
        long end = System.nanoTime() + 5_000_000_000L;
        while (Files.exists(tmp) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(tmp), "temporary file deleted when the request ended: " + tmp);
    }
}
