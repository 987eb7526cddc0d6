package dev.courier.cookie;

import dev.courier.testsupport.Processes;

import dev.courier.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python as a peer: {@code http.cookiejar.MozillaCookieJar} reads the cookies.txt Courier writes
 * and writes one Courier reads; a Flask app's Set-Cookie headers (every attribute, and its signed
 * session cookie) land in Courier's jar as Flask meant them.
 */
class PythonInteropTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    private static Processes.Result python(Path dir, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(dir, cmd);
        assertEquals(0, r.exitCode(), () -> "python3 failed: " + r.stderr());
        return r;
    }

    private static void needPython(String module) {
        Assumptions.assumeTrue(Processes.pythonHas(module), "python3 with module " + module + " is not available; skipping");
    }

    @Test
    void mozillaCookieJarLoadsTheFileCourierWrote() throws IOException {
        needPython("http.cookiejar");
        long exp = NOW.getEpochSecond() + 86400;
        List<Cookie> cookies = List.of(
                Cookie.builder().name("dom").value("a1").domain("example.com").hostOnly(false).path("/")
                        .expiresAt(Instant.ofEpochSecond(exp)).build(),
                Cookie.builder().name("host").value("b2").domain("www.example.com").hostOnly(true).path("/docs")
                        .secure(true).httpOnly(true).expiresAt(Instant.ofEpochSecond(exp + 1)).build(),
                Cookie.builder().name("sess").value("c3").domain("example.com").hostOnly(true).build());
        Path file = dir.resolve("courier.txt");
        CookiesTxt.save(file, cookies, NOW, true);
        // ignore_expires: Python reads curl's session expiry "0" as a time in 1970, i.e. expired.
        String script = String.join("\n",
                "import http.cookiejar, sys",
                "j = http.cookiejar.MozillaCookieJar(sys.argv[1])",
                "j.load(ignore_discard=True, ignore_expires=True)",
                "for c in sorted(j, key=lambda c: c.name):",
                "    print('|'.join(str(x) for x in [c.domain, c.domain_specified, c.path, c.secure, c.expires,",
                "        c.name, c.value, c.has_nonstandard_attr(http.cookiejar.HTTPONLY_ATTR)]))");
        String out = python(dir, script, file.toString()).stdout();
        assertEquals(List.of(
                ".example.com|True|/|False|" + exp + "|dom|a1|False",
                "www.example.com|False|/docs|True|" + (exp + 1) + "|host|b2|True",
                "example.com|False|/|False|0|sess|c3|False"), out.lines().toList(), out);
    }

    @Test
    void courierLoadsTheFileMozillaCookieJarWrote() throws IOException {
        needPython("http.cookiejar");
        long exp = NOW.getEpochSecond() + 86400;
        String script = String.join("\n",
                "import http.cookiejar, sys",
                "def mk(name, value, domain, path, secure, expires, httponly):",
                "    rest = {http.cookiejar.HTTPONLY_ATTR: None} if httponly else {}",
                "    dot = domain.startswith('.')",
                "    return http.cookiejar.Cookie(0, name, value, None, False, domain, dot, dot, path, True,",
                "        secure, expires, expires is None, None, None, rest)",
                "j = http.cookiejar.MozillaCookieJar(sys.argv[1])",
                "exp = int(sys.argv[2])",
                "j.set_cookie(mk('dom', 'a1', '.example.com', '/', False, exp, False))",
                "j.set_cookie(mk('host', 'b2', 'www.example.com', '/docs', True, exp + 1, True))",
                "j.set_cookie(mk('sess', 'c3', 'example.com', '/', False, None, False))",
                "j.save(ignore_discard=True)");
        Path file = dir.resolve("python.txt");
        python(dir, script, file.toString(), Long.toString(exp));
        List<Cookie> loaded = CookiesTxt.load(file, NOW);
        assertEquals(3, loaded.size(), Files.readString(file));
        Cookie dom = find(loaded, "dom");
        assertEquals(List.of("example.com", "/", "a1"), List.of(dom.domain(), dom.path(), dom.value()));
        assertFalse(dom.hostOnly());
        assertEquals(Instant.ofEpochSecond(exp), dom.expiresAt());
        Cookie host = find(loaded, "host");
        assertTrue(host.hostOnly() && host.secure() && host.httpOnly(), host.toString());
        assertEquals("/docs", host.path());
        Cookie sess = find(loaded, "sess");
        assertNull(sess.expiresAt(), "Python writes an empty expiry for a session cookie");
    }

    @Test
    void flaskCookiesWithEveryAttributeLandInTheJar() throws IOException {
        needPython("flask");
        String script = String.join("\n",
                "import json",
                "from flask import Flask, make_response, session",
                "app = Flask('interop')",
                "app.secret_key = 'k' * 32",
                "@app.route('/')",
                "def index():",
                "    r = make_response('ok')",
                "    r.set_cookie('plain', '1')",
                "    r.set_cookie('all', 'v', max_age=3600, path='/app', domain='courier.test', secure=True,",
                "        httponly=True, samesite='Strict', partitioned=True)",
                "    r.set_cookie('lax', 'x', samesite='Lax')",
                "    r.set_cookie('spaced', 'hello world; x')",
                "    session['user'] = 'ada'",
                "    return r",
                "print(json.dumps(app.test_client().get('/').headers.getlist('Set-Cookie')))");
        @SuppressWarnings("unchecked")
        List<String> headers = (List<String>) Json.parse(python(dir, script).stdout());
        assertEquals(5, headers.size(), headers.toString());
        MemoryCookieJar jar = CookieJar.inMemory();
        List<StoreOutcome> outcomes = jar.store(URI.create("https://www.courier.test/"), headers);
        for (StoreOutcome o : outcomes) {
            assertTrue(o.stored(), o.message());
        }
        Cookie all = find(jar.all(), "all");
        assertEquals(List.of("courier.test", "/app"), List.of(all.domain(), all.path()));
        assertFalse(all.hostOnly());
        assertTrue(all.secure() && all.httpOnly() && all.partitioned(), all.toString());
        assertEquals(SameSite.STRICT, all.sameSite());
        long ttl = all.expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        assertTrue(ttl > 3500 && ttl <= 3600, "Max-Age=3600 gave " + ttl + " s");
        assertEquals(SameSite.LAX, find(jar.all(), "lax").sameSite());
        Cookie session = find(jar.all(), "session");
        assertTrue(session.httpOnly() && session.hostOnly(), session.toString());
        String spaced = find(jar.all(), "spaced").value();
        assertTrue(spaced.startsWith("\"hello world") && spaced.endsWith("\""), "Werkzeug quotes it: " + spaced);
        assertEquals("plain=1; lax=x; spaced=" + spaced + "; session=" + session.value(),
                jar.cookieHeader(URI.create("https://www.courier.test/")).orElseThrow());
    }

    private static Cookie find(List<Cookie> cookies, String name) {
        return cookies.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }
}
