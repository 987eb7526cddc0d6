package dev.courier.cookie;

import dev.courier.testsupport.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * curl as a peer: it stores cookies from a loopback server into a cookies.txt file that Courier
 * must read, and sends the cookies of a file Courier wrote. Host names map to 127.0.0.1 with
 * curl's {@code --resolve}, so Domain cookies can be tried without leaving the machine.
 */
class CurlInteropTest {

    private static final String HOST = "www.courier.test";

    /** The cookies the server sets, one per header: host-only, domain, persistent, path, deleted, Secure over http. */
    private static final List<String> SET_COOKIES = List.of(
            "host=1; Path=/",
            "dom=2; Domain=courier.test; Path=/",
            "persist=3; Max-Age=3600; Path=/; HttpOnly",
            "deep=4; Path=/app",
            "gone=5; Max-Age=0; Path=/",
            "wide=6; Domain=test; Path=/");

    @TempDir
    Path dir;

    @BeforeAll
    static void needCurl() {
        Assumptions.assumeTrue(Processes.available("curl"), "curl is not installed; skipping curl interop");
    }

    private static LoopbackServer server() throws IOException {
        return new LoopbackServer(head -> {
            List<String> headers = new ArrayList<>();
            if (LoopbackServer.path(head).startsWith("/set")) {
                for (String c : SET_COOKIES) {
                    headers.add("Set-Cookie: " + c);
                }
            }
            return new LoopbackServer.Reply(headers, "cookie:" + LoopbackServer.header(head, "Cookie"));
        });
    }

    private static Processes.Result curl(int port, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10", "--resolve", HOST + ":" + port + ":127.0.0.1"));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(null, cmd);
        assertEquals(0, r.exitCode(), () -> "curl failed: " + r.stderr());
        return r;
    }

    private static Set<String> describe(List<Cookie> cookies) {
        Set<String> out = new TreeSet<>();
        for (Cookie c : cookies) {
            out.add(c.pair() + " domain=" + c.domain() + " hostOnly=" + c.hostOnly() + " path=" + c.path()
                    + " httpOnly=" + c.httpOnly() + " persistent=" + c.persistent());
        }
        return out;
    }

    @Test
    void courierReadsTheFileCurlWroteAndAgreesWithItsOwnJar() throws IOException {
        Path file = dir.resolve("curl-cookies.txt");
        try (LoopbackServer server = server()) {
            String url = "http://" + HOST + ":" + server.port() + "/set";
            curl(server.port(), "-c", file.toString(), url);
            Instant now = Instant.now();
            List<Cookie> fromCurl = CookiesTxt.load(file, now);

            MemoryCookieJar jar = CookieJar.inMemory();
            jar.store(URI.create(url), SET_COOKIES);
            assertEquals(describe(jar.all()), describe(fromCurl), () -> "curl's file:\n" + read(file));
            for (Cookie c : fromCurl) {
                if (c.persistent()) {
                    long diff = Math.abs(c.expiresAt().getEpochSecond() - now.plusSeconds(3600).getEpochSecond());
                    assertTrue(diff < 30, "Max-Age=3600 expiry within 30 s, off by " + diff);
                }
            }
        }
    }

    @Test
    void curlSendsTheCookiesOfTheFileCourierWrote() throws IOException {
        Path file = dir.resolve("courier-cookies.txt");
        try (LoopbackServer server = server()) {
            String base = "http://" + HOST + ":" + server.port();
            MemoryCookieJar jar = CookieJar.inMemory();
            jar.store(URI.create(base + "/set"), SET_COOKIES);
            CookiesTxt.save(file, jar.all(), Instant.now(), true);

            for (String path : List.of("/app/echo", "/echo")) {
                String sent = curl(server.port(), "-b", file.toString(), base + path).stdout();
                assertTrue(sent.startsWith("cookie:"), sent);
                String expected = jar.cookieHeader(URI.create(base + path)).orElse("");
                List<CookieHeader.Pair> curlPairs = CookieHeader.parse(sent.substring("cookie:".length()));
                List<CookieHeader.Pair> ourPairs = CookieHeader.parse(expected);
                assertEquals(new TreeSet<>(ourPairs.stream().map(Object::toString).toList()),
                        new TreeSet<>(curlPairs.stream().map(Object::toString).toList()),
                        "same cookies for " + path + "; file:\n" + read(file));
                // Both put the longest path first; curl orders equal paths by domain and name length,
                // RFC 6265 §5.4 by creation time, so only a unique longest path is compared in place.
                if (path.equals("/app/echo")) {
                    assertEquals(new CookieHeader.Pair("deep", "4"), curlPairs.get(0), "curl sent " + sent);
                    assertEquals(new CookieHeader.Pair("deep", "4"), ourPairs.get(0), "we send " + expected);
                }
            }
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
