package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder: routes added directly, ports, URLs and mistakes reported at once. */
class HttpServerBuilderTest {

    @Test
    void servesRoutesAddedOnTheBuilder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "file a");
        HttpServer server = HttpServer.builder()
                .get("/hello/{name}", req -> Reply.text("Hello, " + req.pathParam("name")))
                .post("/n", req -> Reply.text("posted " + req.bodyText()))
                .staticFiles("/assets", dir)
                .build();
        assertEquals(-1, server.port(), "no port before start");
        try (HttpServer s = server.start(); RawClient c = new RawClient(s.port())) {
            assertTrue(s.port() > 0);
            assertEquals("http://127.0.0.1:" + s.port(), s.url());
            assertTrue(c.send("GET /hello/Ada HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("Hello, Ada"));
            assertTrue(c.send("POST /n HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n7").readResponse().endsWith("posted 7"));
            assertTrue(c.send("GET /assets/a.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("file a"));
        }
    }

    @Test
    void refusesToBuildWithoutAHandler() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpServer.builder().build());
        assertTrue(e.getMessage().contains("handler"), e.getMessage());
    }

    @Test
    void refusesRoutesOnTheBuilderAfterAHandler() {
        HttpServer.Builder b = HttpServer.builder().handler(req -> Reply.text("x"));
        assertThrows(IllegalStateException.class, () -> b.get("/x", req -> Reply.text("y")));
    }

    @Test
    void refusesAnImpossiblePort() {
        assertThrows(IllegalArgumentException.class, () -> HttpServer.builder().port(70000));
    }
}
