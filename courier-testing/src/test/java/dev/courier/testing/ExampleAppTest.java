package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import dev.courier.server.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example app with Courier's own client, so it is checked even where Chromium is missing
 * ({@link ExampleAppBrowserTest} is the real-browser version).
 */
class ExampleAppTest {

    @Test
    void formsLoginAndRangesWorkWithCouriersClient(@TempDir Path dir) throws IOException {
        Path statics = Files.createDirectories(dir.resolve("static"));
        Files.writeString(statics.resolve("a.txt"), "0123456789");
        try (HttpServer server = ExampleApp.start(0, statics);
             Session s = Session.builder().baseUrl(server.url()).build()) {
            Response posted = s.post("/form", Body.form("name", "Zoë <b>"));
            assertEquals(server.url() + "/result", posted.url(), "303 after POST");
            assertTrue(posted.text().contains("data-name=\"name\">Zoë &lt;b&gt;</dd>"), posted.text());

            Response uploaded = s.post("/upload", Body.multipart(Multipart.form().field("title", "Grüße")
                    .file("files", "a\"b.txt", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                    .build()));
            assertTrue(uploaded.text().contains("data-size=\"2\" data-type=\"text/plain\">a%22b.txt</li>"),
                    uploaded.text());

            assertEquals(401, s.post("/login", Body.form("user", "ada", "password", "wrong")).statusCode());
            Response me = s.post("/login", Body.form("user", "ada", "password", ExampleApp.PASSWORD));
            assertTrue(me.text().contains("Signed in as <b id=\"user-name\">ada</b>"), me.text());
            assertTrue(s.post("/logout", Body.form()).text().contains("Not signed in"));

            Response range = s.request(Method.GET, "/static/a.txt").header("Range", "bytes=3-5").send();
            assertEquals(206, range.statusCode());
            assertEquals("345", range.text());
        }
    }

    @Test
    void htmlEscapingKeepsMarkupAndCarriageReturnsVisible() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&#13;\n", ExampleApp.html("<a href=\"x\">&'\r\n"));
    }
}
