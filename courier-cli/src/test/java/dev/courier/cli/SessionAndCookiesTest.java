package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPie session files and Netscape cookies.txt shared with curl. */
class SessionAndCookiesTest {

    @TempDir
    Path dir;

    private static EchoServer cookieServer() throws java.io.IOException {
        return new EchoServer(r -> r.path().startsWith("/set")
                ? EchoServer.response(200, "OK", "text/plain", "set".getBytes(StandardCharsets.US_ASCII),
                        "Set-Cookie: sid=abc123; Path=/; Max-Age=3600")
                : EchoServer.response(200, "OK", "text/plain", "ok".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sessionKeepsHeadersAuthAndCookiesBetweenRuns() throws Exception {
        try (EchoServer server = cookieServer()) {
            Path session = dir.resolve("s.json");
            assertEquals(0, Cli.run("-I", "--session", session.toString(), "-a", "ada:pw", server.base() + "/set",
                    "X-Team:blue").status());
            Map<?, ?> saved = (Map<?, ?>) Json.parse(Files.readAllBytes(session));
            assertEquals("ada:pw", ((Map<?, ?>) saved.get("auth")).get("raw_auth"));
            assertEquals("sid", ((Map<?, ?>) ((List<?>) saved.get("cookies")).get(0)).get("name"));
            assertEquals(0, Cli.run("-I", "--session-read-only", session.toString(), server.base() + "/next").status());
            EchoServer.Received second = server.received.get(1);
            assertEquals("blue", second.header("X-Team"));
            assertEquals("sid=abc123", second.header("Cookie"));
            assertTrue(second.header("Authorization").startsWith("Basic "), second.headerLines().toString());
        }
    }

    @Test
    void sessionFileWrittenByHttpieIsRead() throws Exception {
        Assumptions.assumeTrue(Httpie.find() != null, "HTTPie's http command is not installed");
        try (EchoServer server = cookieServer()) {
            Path session = dir.resolve("h.json");
            List<Httpie.Run> runs = Httpie.runAll(List.of(List.of("--ignore-stdin", "--session=" + session,
                    server.base() + "/set", "X-From:httpie")));
            assertEquals(0, runs.get(0).status(), runs.get(0).err());
            assertEquals(0, Cli.run("-I", "--session", session.toString(), server.base() + "/again").status());
            EchoServer.Received r = server.received.get(1);
            assertEquals("httpie", r.header("X-From"));
            assertEquals("sid=abc123", r.header("Cookie"));
        }
    }

    @Test
    void cookiesFileRoundTripsWithCurl() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        try (EchoServer server = cookieServer()) {
            Path jar = dir.resolve("cookies.txt");
            // curl stores the cookie, courier sends it and keeps the file readable by curl.
            Process curl = new ProcessBuilder("curl", "-s", "-c", jar.toString(), "http://" + server.base() + "/set")
                    .redirectErrorStream(true).start();
            curl.getInputStream().readAllBytes();
            assertTrue(curl.waitFor(10, TimeUnit.SECONDS) && curl.exitValue() == 0);
            assertEquals(0, Cli.run("-I", "--cookies", jar.toString(), server.base() + "/use").status());
            assertEquals("sid=abc123", server.received.get(1).header("Cookie"));
            Process back = new ProcessBuilder("curl", "-s", "-b", jar.toString(), "http://" + server.base() + "/curl")
                    .redirectErrorStream(true).start();
            back.getInputStream().readAllBytes();
            assertTrue(back.waitFor(10, TimeUnit.SECONDS) && back.exitValue() == 0);
            assertEquals("sid=abc123", server.received.get(2).header("Cookie"));
        }
    }

    @Test
    void cookiesFileWrittenByCourierIsReadByCurl() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        try (EchoServer server = cookieServer()) {
            Path jar = dir.resolve("new.txt");
            assertEquals(0, Cli.run("-I", "--cookies", jar.toString(), server.base() + "/set").status());
            assertTrue(Files.readString(jar).contains("sid\tabc123"), Files.readString(jar));
            Process curl = new ProcessBuilder("curl", "-s", "-b", jar.toString(), "http://" + server.base() + "/curl")
                    .redirectErrorStream(true).start();
            curl.getInputStream().readAllBytes();
            assertTrue(curl.waitFor(10, TimeUnit.SECONDS) && curl.exitValue() == 0);
            assertEquals("sid=abc123", server.received.get(1).header("Cookie"));
        }
    }
}
