package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Session;
import dev.courier.json.Json;
import dev.courier.server.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code courier serve}: the httpbin app, a static directory, or the example site. */
class ServeTest {

    @TempDir
    Path dir;

    private static HttpServer start(String... args) throws Exception {
        return Serve.start(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void serveRunsTheHttpbinAppThatEchoesTheQuery() throws Exception {
        HttpServer server = start("serve", "--port", "0");
        try {
            Cli.Result r = Cli.run("-I", "127.0.0.1:" + server.port() + "/get", "a==1");
            assertEquals(0, r.status(), r.err());
            Map<?, ?> echo = (Map<?, ?>) Json.parse(r.out());
            assertEquals(Map.of("a", "1"), echo.get("args"));
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void serveStaticServesTheDirectory() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello static\n");
        HttpServer server = start("serve", "--port", "0", "--static", dir.toString());
        try {
            assertEquals("hello static\n", Cli.run("-I", "127.0.0.1:" + server.port() + "/hello.txt").text());
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void serveExampleRendersTheTemplatedSiteWithItsStaticFolder() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello static\n");
        HttpServer server = start("serve", "--port", "0", "--example", "--static", dir.toString());
        try (Session s = Session.builder().baseUrl(server.url()).build()) {
            String home = s.get("/").text();
            assertTrue(home.contains("<h1>Courier example</h1>"), home);
            assertTrue(home.contains("<a id=\"to-forms\" href=\"/forms\">"), home);
            assertTrue(s.get("/forms").text().contains("<input type=\"hidden\" name=\"_csrf\" value=\""),
                    "the forms carry the CSRF token");
            assertEquals(403, s.post("/form", Body.form("name", "x")).statusCode());
            assertEquals("hello static\n", s.get("/static/hello.txt").text());
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void badServeOptionsAreOneLineErrors() {
        Cli.Result r = Cli.run("serve", "--port", "http");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("courier: error: --port must be a number"), r.err());
    }
}
