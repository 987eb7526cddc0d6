package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPie's exit statuses and one-line error messages. */
class ExitStatusTest {

    static EchoServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new EchoServer(r -> {
            String path = r.path();
            if (path.startsWith("/status/")) {
                int code = Integer.parseInt(path.substring(8));
                return EchoServer.response(code, "X", "text/plain", new byte[0], code / 100 == 3 ? "Location: /" : "X: y");
            }
            if (path.equals("/loop")) {
                return EchoServer.response(302, "Found", null, new byte[0], "Location: /loop");
            }
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return EchoServer.response(200, "OK", "application/json", "{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static Cli.Result run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--ignore-stdin";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    @Test
    void successExitsZeroAndPrintsTheBodyWhenRedirected() {
        Cli.Result r = run(server.base() + "/");
        assertEquals(0, r.status());
        assertEquals("{\"a\":1}", r.text());
    }

    @Test
    void clientErrorExitsFourOnlyWithCheckStatus() {
        assertEquals(0, run(server.base() + "/status/404").status());
        Cli.Result r = run("--check-status", server.base() + "/status/404");
        assertEquals(4, r.status());
        assertTrue(r.err().contains("courier: warning: HTTP 404"), r.err());
    }

    @Test
    void serverErrorExitsFiveWithCheckStatus() {
        assertEquals(5, run("--check-status", server.base() + "/status/503").status());
    }

    @Test
    void unfollowedRedirectExitsThreeWithCheckStatus() {
        assertEquals(3, run("--check-status", server.base() + "/status/302").status());
        assertEquals(0, run("--check-status", "--follow", server.base() + "/status/302").status());
    }

    @Test
    void tooManyRedirectsExitsSix() {
        Cli.Result r = run("--follow", "--max-redirects", "2", server.base() + "/loop");
        assertEquals(6, r.status());
        assertTrue(r.err().startsWith("courier: error: too many redirects (--max-redirects=2)"), r.err());
    }

    @Test
    void timeoutExitsTwo() {
        Cli.Result r = run("--timeout", "0.2", server.base() + "/slow");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("courier: error: request timed out (0.2s)"), r.err());
    }

    @Test
    void refusedConnectionExitsOneWithOneLineAndNoStackTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = run("127.0.0.1:" + port + "/");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("courier: error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void tracebackPrintsTheStackTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = run("--traceback", "127.0.0.1:" + port + "/");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void badJsonItemNamesTheItemAndTheJsonError() {
        Cli.Result r = run("--offline", ":8080", "foo:=notjson");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("courier: error: 'foo:=notjson': not valid JSON: "), r.err());
        assertTrue(r.err().contains("offset 0"), r.err());
    }

    @Test
    void itemWithoutSeparatorIsRefused() {
        Cli.Result r = run("--offline", ":8080", "justaword");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("'justaword' is not a valid request item"), r.err());
    }

    @Test
    void fileFieldWithoutFormSuggestsForm() {
        Cli.Result r = run("--offline", ":8080", "f@/etc/hostname");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("perhaps you meant --form?"), r.err());
    }

    @Test
    void nestedKeyTypeClashIsExplained() {
        Cli.Result r = run("--offline", ":8080", "a=1", "a[b]=2");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("'a' is a string but 'b' needs an object"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = run("--no-such-option", ":8080");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("courier: error: "), r.err());
    }

    @Test
    void stdinAndDataItemsCannotBeMixed() {
        Cli.Result r = Cli.runWithStdin("body".getBytes(StandardCharsets.US_ASCII), "--offline", ":8080", "a=1");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--ignore-stdin"), r.err());
    }

    @Test
    void pipedStdinBecomesThePostBody() {
        Cli.Result r = Cli.runWithStdin("piped".getBytes(StandardCharsets.US_ASCII), "--offline", ":8080");
        assertEquals(0, r.status());
        assertTrue(r.text().startsWith("POST / HTTP/1.1\r\n"), r.text());
        assertTrue(r.text().endsWith("\r\n\r\npiped"), r.text());
    }

    @Test
    void versionAndHelpExitZero() {
        assertEquals(0, Cli.run("--version").status());
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.text().contains("--check-status"));
        assertTrue(help.text().contains("field:=json"));
    }
}
