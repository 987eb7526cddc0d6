package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.cookie.CookieJar;
import dev.courier.multipart.Multipart;
import dev.courier.cookie.SetCookie;
import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's example as written, against a loopback server, so the README stays true. */
class ReadmeExampleTest {

    @Test
    void readmeExampleUploadsAMultipartFormAndReadsTheJsonAnswer(@TempDir Path dir) throws IOException {
        Path photo = Files.write(dir.resolve("beach.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer server = HttpServer.builder()
                .post("/albums", req -> {
                    seen.set(req.header("Authorization") + "\n" + req.header("Content-Type") + "\n"
                            + new String(req.bodyBytes(), StandardCharsets.ISO_8859_1));
                    return Reply.json(Map.of("id", 7)).newBuilder().status(201)
                            .cookie(SetCookie.builder("sid", "abc").path("/").maxAge(java.time.Duration.ofHours(1)).build()).build();
                })
                .start();
        String token = "t0ken";
        Path cookies = dir.resolve("cookies.txt");
        try {
            // --- as in README.md, with the local server as base URL ---
            try (Session s = Session.builder()
                    .baseUrl(server.url())
                    .auth(Auth.bearer(token))
                    .cookies(CookieJar.persistent(cookies))
                    .build()) {
                Response r = s.post("/albums", Body.multipart(Multipart.form()
                        .field("title", "Holiday")
                        .file("photo", photo)
                        .build()));
                Map<?, ?> album = r.raiseForStatus().json(Map.class);
                assertEquals(7, ((Number) album.get("id")).intValue());
            }
        } finally {
            server.close();
        }
        String[] request = seen.get().split("\n", 3);
        assertEquals("Bearer t0ken", request[0]);
        assertTrue(request[1].startsWith("multipart/form-data; boundary="), request[1]);
        assertTrue(request[2].contains("Content-Disposition: form-data; name=\"photo\"; filename=\"beach.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"), request[2]);
        assertTrue(Files.readString(cookies).contains("\tsid\tabc"), "the persistent jar was saved on close");
    }
}
