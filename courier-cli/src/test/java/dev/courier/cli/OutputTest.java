package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is printed: --print letters, -v, -h, --pretty, --sorted, --all, --output, --quiet. */
class OutputTest {

    static EchoServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = new EchoServer(r -> r.path().equals("/hop")
                ? EchoServer.response(302, "Found", null, new byte[0], "Location: /json")
                : EchoServer.response(200, "OK", "application/json",
                        "{\"b\":1,\"a\":[true]}".getBytes(StandardCharsets.US_ASCII), "X-Z: z", "X-A: a"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void verbosePrintsRequestSeparatorAndResponseAsHttpieDoes() {
        Cli.Result r = Cli.run("-I", "-v", server.base() + "/json", "x=1");
        String t = r.text();
        assertTrue(t.startsWith("POST /json HTTP/1.1\r\n"), t);
        assertTrue(t.contains("\r\n\r\n{\"x\": \"1\"}\n\nHTTP/1.1 200 OK\r\n"), t);
        assertTrue(t.endsWith("\r\n\r\n{\"b\":1,\"a\":[true]}"), t);
    }

    @Test
    void headersOnlyPrintsTheResponseHead() {
        String t = Cli.run("-I", "-h", server.base() + "/json").text();
        assertTrue(t.startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"), t);
        assertTrue(t.endsWith("\r\n\r\n"), t);
    }

    @Test
    void prettyFormatIndentsJsonAndSortsHeadersAndKeys() {
        String t = Cli.run("-I", "--pretty", "format", "-p", "hb", server.base() + "/json").text();
        assertTrue(t.contains("Content-Type: application/json\nX-A: a\nX-Z: z\n"), t);
        assertTrue(t.endsWith("{\n    \"a\": [\n        true\n    ],\n    \"b\": 1\n}"), t);
        String unsorted = Cli.run("-I", "--pretty", "format", "--unsorted", server.base() + "/json").text();
        assertTrue(unsorted.startsWith("{\n    \"b\": 1,"), unsorted);
    }

    @Test
    void prettyColorsUsesAnsiEscapes() {
        String t = Cli.run("-I", "--pretty", "colors", "-h", server.base() + "/json").text();
        assertTrue(t.contains("\u001b[32m200 OK"), t);
    }

    @Test
    void allPrintsTheRedirectBeforeTheFinalResponse() {
        String t = Cli.run("-I", "--follow", "--all", "-h", server.base() + "/hop").text();
        assertTrue(t.startsWith("HTTP/1.1 302 Found\r\n"), t);
        assertTrue(t.contains("Location: /json\r\nContent-Length: 0\r\nConnection: close\r\n\r\nHTTP/1.1 200 OK\r\n"), t);
    }

    @Test
    void outputWritesTheBodyToAFileAndQuietPrintsNothing() throws IOException {
        Path out = dir.resolve("o.json");
        Cli.Result r = Cli.run("-I", "-o", out.toString(), server.base() + "/json");
        assertEquals(0, r.status());
        assertEquals("{\"b\":1,\"a\":[true]}", Files.readString(out));
        assertEquals(0, r.out().length);
        assertEquals(0, Cli.run("-I", "-q", server.base() + "/json").out().length);
    }

    @Test
    void printLettersSelectRequestParts() {
        String t = Cli.run("-I", "--offline", "-p", "B", ":8080", "k=v").text();
        assertEquals("{\"k\": \"v\"}", t);
        Cli.Result bad = Cli.run("-I", "--offline", "-p", "Z", ":8080");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("unknown --print letter 'Z'"), bad.err());
    }

    @Test
    void streamCopiesTheBodyAsItArrives() {
        assertEquals("{\"b\":1,\"a\":[true]}", Cli.run("-I", "-S", server.base() + "/json").text());
    }

    @Test
    void chunkedSendsTheBodyWithChunkedCoding() {
        server.received.clear();
        assertEquals(0, Cli.run("-I", "--chunked", server.base() + "/json", "a=1").status());
        EchoServer.Received got = server.received.get(0);
        assertEquals("chunked", got.header("Transfer-Encoding"));
        assertEquals("{\"a\": \"1\"}", new String(got.body(), StandardCharsets.UTF_8));
    }
}
