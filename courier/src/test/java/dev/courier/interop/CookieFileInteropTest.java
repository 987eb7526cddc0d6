package dev.courier.interop;

import dev.courier.testsupport.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.courier.Response;
import dev.courier.Session;
import dev.courier.cookie.CookieHeader;
import dev.courier.cookie.CookieJar;
import dev.courier.cookie.PersistentCookieJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cookies.txt files passed between Courier's client and real peers over loopback: curl saves
 * ({@code -c}) and Courier's {@code CookieJar.persistent} loads and sends; Courier's session saves
 * on close and curl ({@code -b}) and Python's {@code MozillaCookieJar} with urllib load and send.
 * A raw server echoes the {@code Cookie} header each one sends, and every sender must send the
 * same cookies.
 *
 * <p>Python's cookie policy sends nothing to a dot-less host such as {@code localhost} (it
 * matches such a host as {@code localhost.local}), so Python's requests go to 127.0.0.1.
 */
class CookieFileInteropTest {

    @TempDir
    Path dir;
    RawHttpServer server;

    /** The cookies the server's /set sets: session (plain, Domain, Secure), persistent by Max-Age and Expires, path, deletions. */
    static List<String> setCookies() {
        String tomorrow = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
        return List.of(
                "host=1; Path=/",
                "dom=2; Domain=localhost; Path=/",
                "sec=8; Secure; Path=/",
                "persist=3; Max-Age=3600; Path=/; HttpOnly",
                "deep=4; Max-Age=3600; Path=/app",
                "dated=5; Expires=" + tomorrow + "; Path=/",
                "gone=6; Max-Age=0; Path=/",
                "old=7; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
    }

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer(ex -> {
            if (ex.path().equals("/set")) {
                List<String> lines = new ArrayList<>();
                for (String c : setCookies()) {
                    lines.add("Set-Cookie: " + c);
                }
                return new RawHttpServer.Reply(200, lines, "set".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String cookie = ex.header("Cookie");
            return RawHttpServer.Reply.text("cookie:" + (cookie == null ? "" : cookie));
        });
    }

    @AfterEach
    void stop() throws IOException {
        assertEquals(List.of(), server.failures());
        server.close();
    }

    private void needCurl() {
        assumeTrue(Processes.available("curl"), "curl is not installed: cookie file interop with curl skipped");
    }

    /** Runs curl for {@code url} with {@code args}; localhost is pinned to 127.0.0.1, where the server listens. */
    private String curl(String url, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--noproxy", "*",
                "--resolve", "localhost:" + server.port() + ":127.0.0.1"));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Processes.Result r = Processes.run(dir, cmd);
        assertEquals(0, r.exitCode(), r::describe);
        return r.stdout();
    }

    /**
     * Returns what Courier sends to each URL, with a fresh session loading a copy of {@code file}
     * (closing the session saves the jar, which must not change the file the other peers read).
     */
    private List<String> courierSends(Path file, List<String> urls) throws IOException {
        Path copy = Files.copy(file, dir.resolve("copy-" + System.nanoTime() + ".txt"));
        List<String> out = new ArrayList<>();
        try (Session s = Session.builder().cookies(CookieJar.persistent(copy)).build()) {
            for (String url : urls) {
                try (Response r = s.get(url)) {
                    out.add(r.text());
                }
            }
        }
        return out;
    }

    /** Returns the cookie pairs of an echoed {@code cookie:...} body as a sorted set. */
    static Set<String> pairs(String echoed) {
        assertTrue(echoed.startsWith("cookie:"), echoed);
        Set<String> s = new TreeSet<>();
        for (CookieHeader.Pair p : CookieHeader.parse(echoed.substring("cookie:".length()))) {
            s.add(p.name() + "=" + p.value());
        }
        return s;
    }

    @Test
    void courierSendsTheCookiesCurlSaved() throws IOException {
        needCurl();
        Path file = dir.resolve("curl.txt");
        curl(server.url("localhost", "/set"), "-c", file.toString());
        String curlFile = Files.readString(file);
        List<String> urls = List.of(server.url("localhost", "/echo"), server.url("localhost", "/app/echo"));
        List<String> byCurl = new ArrayList<>();
        for (String url : urls) {
            byCurl.add(curl(url, "-b", file.toString()));
        }
        List<String> byCourier = courierSends(file, urls);

        // curl keeps Domain=localhost as a domain cookie (".localhost TRUE") where Courier makes it
        // host-only (a public suffix equal to the host, RFC 6265 §5.3 step 5); either way it goes to
        // localhost. Both send a Secure cookie over http to a loopback host.
        assertEquals(Set.of("host=1", "dom=2", "sec=8", "persist=3", "dated=5"), pairs(byCurl.get(0)), curlFile);
        assertEquals(Set.of("host=1", "dom=2", "sec=8", "persist=3", "dated=5", "deep=4"), pairs(byCurl.get(1)), curlFile);
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(pairs(byCurl.get(i)), pairs(byCourier.get(i)), "same cookies to " + urls.get(i) + "; file:\n" + curlFile);
        }
        assertTrue(byCourier.get(1).startsWith("cookie:deep=4; "), "longest path first: " + byCourier.get(1));
    }

    static final Set<String> ROOT = Set.of("persist=3", "dated=5");
    static final Set<String> APP = Set.of("persist=3", "dated=5", "deep=4");
    /** What a browser sends to each of {@link #echoUrls()} from the saved file. */
    static final List<Set<String>> EXPECTED = List.of(ROOT, APP, ROOT, APP);

    /** Returns echo URLs on both loopback names, at the root and under /app. */
    private List<String> echoUrls() {
        return List.of(server.url("127.0.0.1", "/echo"), server.url("127.0.0.1", "/app/echo"),
                server.url("localhost", "/echo"), server.url("localhost", "/app/echo"));
    }

    /**
     * Lets a Courier session collect the server's cookies on both loopback names and save them on
     * close, checks that a reloading Courier session sends the expected cookies, and returns the file.
     */
    private Path courierSavesCookies() throws IOException {
        Path file = dir.resolve("courier.txt");
        try (Session s = Session.builder().cookies(CookieJar.persistent(file)).build()) {
            s.get(server.url("127.0.0.1", "/set")).close();
            s.get(server.url("localhost", "/set")).close();
        } // saved here, without the session cookies host, dom, sec (the default, as browsers drop them on exit)
        String saved = Files.readString(file);
        for (String absent : List.of("host", "dom", "sec", "gone", "old")) {
            assertFalse(saved.contains("\t" + absent + "\t"), absent + " must not be saved:\n" + saved);
        }
        List<String> urls = echoUrls();
        List<String> byCourier = courierSends(file, urls);
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(EXPECTED.get(i), pairs(byCourier.get(i)), urls.get(i) + "; file:\n" + saved);
        }
        return file;
    }

    @Test
    void curlSendsTheCookiesCourierSaved() throws IOException {
        needCurl();
        Path file = courierSavesCookies();
        List<String> urls = echoUrls();
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(EXPECTED.get(i), pairs(curl(urls.get(i), "-b", file.toString())),
                    "curl to " + urls.get(i) + "; file:\n" + Files.readString(file));
        }
    }

    @Test
    void mozillaCookieJarSendsTheCookiesCourierSaved() throws IOException {
        assumeTrue(Processes.available("python3"), "python3 is not installed: MozillaCookieJar interop skipped");
        Path file = courierSavesCookies();
        List<String> urls = echoUrls().subList(0, 2); // 127.0.0.1 only: see the class comment
        String script = String.join("\n",
                "import http.cookiejar, sys, urllib.request",
                "jar = http.cookiejar.MozillaCookieJar(sys.argv[1])",
                "jar.load()",
                "opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))",
                "for url in sys.argv[2:]:",
                "    print(opener.open(url, timeout=10).read().decode())");
        Processes.Result r = Processes.run(dir, List.of("python3", "-c", script, file.toString(), urls.get(0), urls.get(1)));
        assertEquals(0, r.exitCode(), r::describe);
        List<String> byPython = r.stdout().lines().toList();
        assertEquals(2, byPython.size(), r::describe);
        String saved = Files.readString(file);
        assertEquals(ROOT, pairs(byPython.get(0)), "Python to " + urls.get(0) + "; file:\n" + saved);
        assertEquals(APP, pairs(byPython.get(1)), "Python to " + urls.get(1) + "; file:\n" + saved);
    }

    @Test
    void curlSendsTheSessionCookiesCourierWasAskedToSave() throws IOException {
        needCurl();
        Path file = dir.resolve("with-session.txt");
        try (Session s = Session.builder()
                .cookies(PersistentCookieJar.builder(file).saveSessionCookies(true).build()).build()) {
            s.get(server.url("localhost", "/set")).close();
        }
        String saved = Files.readString(file);
        // curl's convention: a session cookie is written with expiry 0. (Python 3.11's
        // MozillaCookieJar reads 0 as 1970, i.e. expired, so it is left out of this leg.)
        assertTrue(saved.contains("\t0\thost\t1"), saved);
        List<String> urls = List.of(server.url("localhost", "/echo"), server.url("localhost", "/app/echo"));
        List<String> byCourier = courierSends(file, urls);
        assertEquals(Set.of("host=1", "dom=2", "sec=8", "persist=3", "dated=5"), pairs(byCourier.get(0)), saved);
        assertEquals(Set.of("host=1", "dom=2", "sec=8", "persist=3", "dated=5", "deep=4"), pairs(byCourier.get(1)), saved);
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(pairs(byCourier.get(i)), pairs(curl(urls.get(i), "-b", file.toString())), "curl to " + urls.get(i));
        }
    }
}
