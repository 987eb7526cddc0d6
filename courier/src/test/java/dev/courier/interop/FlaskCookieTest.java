package dev.courier.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.Session;
import dev.courier.cookie.Cookie;
import dev.courier.cookie.MemoryCookieJar;
import dev.courier.cookie.SameSite;
import dev.courier.cookie.StoreOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flask app sets cookies with every attribute Flask offers over a real connection to
 * {@code localhost}; Courier's client stores them as RFC 6265/6265bis say, refuses the two a
 * browser refuses (with the reason), and sends back exactly the ones Flask should see on each
 * path, byte for byte: Werkzeug decodes them and Flask verifies its signed session cookie.
 */
class FlaskCookieTest {

    @TempDir
    Path dir;

    @Test
    void flaskCookiesWithEveryAttributeAreStoredAndSentBackAsABrowserWould() throws Exception {
        List<StoreOutcome> outcomes = new CopyOnWriteArrayList<>();
        MemoryCookieJar jar = MemoryCookieJar.builder().listener(outcomes::add).build();
        try (PythonServer flask = PythonServer.start(dir, "flask_peer.py", List.of("flask"));
                Session session = Session.builder().cookies(jar).build()) {
            Instant before = Instant.now();
            try (Response r = session.get(flask.url("localhost", "/cookies/set"))) {
                assertEquals(200, r.statusCode(), () -> r.text() + flask.stderr());
            }
            Map<String, String> kinds = new TreeMap<>();
            for (StoreOutcome o : outcomes) {
                kinds.put(o.name(), o.kind() + (o.kind() == StoreOutcome.Kind.REJECTED ? ": " + o.reason() : ""));
            }
            assertEquals("REJECTED", kinds.get("__Host-bad").substring(0, 8), kinds.toString());
            assertTrue(kinds.get("__Host-bad").contains("Domain"), kinds.get("__Host-bad"));
            assertTrue(kinds.get("foreign").startsWith("REJECTED") && kinds.get("foreign").contains("example.com"),
                    kinds.get("foreign"));
            assertEquals("EXPIRED", kinds.get("old"), "Expires in the past deletes");
            assertEquals("EXPIRED", kinds.get("gone"), "delete_cookie sends Max-Age=0");
            List<String> stored = outcomes.stream().filter(StoreOutcome::stored).map(StoreOutcome::name).sorted().toList();
            assertEquals(List.of("__Host-id", "aged", "both", "chips", "dated", "domained", "lax", "plain", "quoted", "scoped",
                    "secured", "session", "strict"), stored, kinds.toString());

            assertAttributes(jar, before);

            Map<String, Object> root = echo(session, flask, "/cookies/echo");
            Map<String, Object> app = echo(session, flask, "/app/echo");
            @SuppressWarnings("unchecked")
            Map<String, String> rootCookies = (Map<String, String>) root.get("cookies");
            assertEquals(List.of("__Host-id", "aged", "both", "chips", "dated", "domained", "lax", "plain", "quoted", "secured",
                    "session", "strict"), rootCookies.keySet().stream().sorted().toList(), root.toString());
            assertEquals("hello world; x", rootCookies.get("quoted"), "Werkzeug decodes the quoted value Courier kept as sent");
            @SuppressWarnings("unchecked")
            Map<String, String> appCookies = (Map<String, String>) app.get("cookies");
            assertEquals("s1", appCookies.get("scoped"), app.toString());
            assertEquals(rootCookies.size() + 1, appCookies.size(), app.toString());
            assertTrue(((String) app.get("cookie")).startsWith("scoped=s1; "), "longest path first (RFC 6265 §5.4): " + app);
            assertEquals(Map.of("user", "ada"), session.get(flask.url("localhost", "/whoami")).json(),
                    "Flask verified its signed session cookie as Courier sent it");
        }
    }

    private static void assertAttributes(MemoryCookieJar jar, Instant before) {
        Map<String, Cookie> c = jar.all().stream().collect(Collectors.toMap(Cookie::name, x -> x));
        long now = before.getEpochSecond();
        Cookie plain = c.get("plain");
        assertTrue(!plain.persistent() && plain.hostOnly() && plain.domain().equals("localhost") && plain.path().equals("/"),
                plain.toString());
        assertNear(now + 3600, c.get("aged").expiresAt(), "Max-Age=3600");
        assertNear(now + 7200, c.get("dated").expiresAt(), "Expires in two hours");
        assertNear(now + 60, c.get("both").expiresAt(), "Max-Age=60 wins over a past Expires (RFC 6265 §5.3)");
        assertEquals("/app", c.get("scoped").path());
        assertTrue(c.get("strict").httpOnly(), c.get("strict").toString());
        assertEquals(SameSite.STRICT, c.get("strict").sameSite());
        assertEquals(SameSite.LAX, c.get("lax").sameSite());
        assertTrue(c.get("secured").secure(), "Secure accepted from a loopback origin: " + c.get("secured"));
        assertEquals(SameSite.NONE, c.get("secured").sameSite());
        // A single-label name is a public suffix (the list's implicit "*" rule), and a Domain that is
        // a public suffix equal to the request host makes a host-only cookie (RFC 6265 §5.3 step 5).
        assertTrue(c.get("domained").hostOnly(), c.get("domained").toString());
        assertEquals("localhost", c.get("domained").domain());
        assertTrue(c.get("chips").partitioned() && c.get("chips").secure(), c.get("chips").toString());
        assertTrue(c.get("__Host-id").hostOnly() && c.get("__Host-id").secure(), c.get("__Host-id").toString());
        assertTrue(c.get("session").httpOnly() && !c.get("session").persistent(), c.get("session").toString());
    }

    private static void assertNear(long expectedEpochSecond, Instant actual, String what) {
        long diff = Math.abs(actual.getEpochSecond() - expectedEpochSecond);
        assertTrue(diff <= 30, what + ": expiry off by " + diff + " s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> echo(Session session, PythonServer flask, String path) {
        try (Response r = session.get(flask.url("localhost", path))) {
            assertEquals(200, r.statusCode(), r::text);
            return (Map<String, Object>) r.json();
        }
    }
}
