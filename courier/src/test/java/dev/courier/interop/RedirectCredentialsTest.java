package dev.courier.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Auth;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.cookie.Cookie;
import dev.courier.cookie.MemoryCookieJar;
import dev.courier.cookie.StoreOutcome;
import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Credentials and cookies along a redirect chain that leaves its origin and comes back
 * (127.0.0.1 → localhost → 127.0.0.1, same port, so only the host differs). The existing client
 * tests cover a same-origin hop's cookies and Authorization dropped on one cross-origin hop; this
 * adds the whole chain over a real socket: each hop gets only its own origin's jar cookies, a
 * cookie set on a hop for another domain is refused, the caller's own Cookie header is not
 * replayed on any redirect, and Authorization, once dropped, does not come back (requests'
 * {@code rebuild_auth} behaves the same).
 */
class RedirectCredentialsTest {

    @Test
    void eachHopGetsOnlyItsOriginsCookiesAndDroppedCredentialsStayDropped() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        List<StoreOutcome> outcomes = new CopyOnWriteArrayList<>();
        MemoryCookieJar jar = MemoryCookieJar.builder().listener(outcomes::add).build();
        try (RawHttpServer server = new RawHttpServer(ex -> {
            seen.put(ex.path(), "Cookie=" + ex.header("Cookie") + " Authorization=" + ex.header("Authorization")
                    + " Host=" + ex.header("Host"));
            return switch (ex.path()) {
                case "/start" -> redirect("http://localhost:" + ex.header("Host").split(":")[1] + "/away",
                        "Set-Cookie: a=1; Path=/", "Set-Cookie: b=2; Domain=localhost; Path=/");
                case "/away" -> redirect("http://127.0.0.1:" + ex.header("Host").split(":")[1] + "/back",
                        "Set-Cookie: c=3; Path=/");
                default -> RawHttpServer.Reply.text("end");
            };
        }); Session session = Session.builder().cookies(jar).build()) {
            jar.store(java.net.URI.create(server.url("127.0.0.1", "/")), List.of("early=0; Path=/"));
            Response r = session.request(Method.GET, server.url("127.0.0.1", "/start"))
                    .header("Cookie", "mine=1").auth(Auth.bearer("secret")).send();
            assertEquals("end", r.text());
            assertEquals(2, r.history().size());
            assertEquals(List.of(), server.failures());
            int port = server.port();

            assertEquals("Cookie=mine=1; early=0 Authorization=Bearer secret Host=127.0.0.1:" + port, seen.get("/start"));
            assertEquals("Cookie=null Authorization=null Host=localhost:" + port, seen.get("/away"),
                    "another origin: no cookie of 127.0.0.1, not the caller's Cookie, no Authorization");
            assertEquals("Cookie=early=0; a=1 Authorization=null Host=127.0.0.1:" + port, seen.get("/back"),
                    "back home: the jar's cookies for 127.0.0.1 (a set on the first hop), still no credentials");

            Map<String, String> kinds = new TreeMap<>();
            outcomes.forEach(o -> kinds.put(o.name(), o.kind().toString()));
            assertEquals(Map.of("early", "STORED", "a", "STORED", "b", "REJECTED", "c", "STORED"), kinds,
                    "b's Domain=localhost does not domain-match 127.0.0.1: " + outcomes);
            Map<String, String> where = jar.all().stream().collect(Collectors.toMap(Cookie::name, Cookie::domain));
            assertEquals(Map.of("early", "127.0.0.1", "a", "127.0.0.1", "c", "localhost"), where);
            assertTrue(outcomes.stream().filter(o -> o.name().equals("b")).findFirst().orElseThrow().reason()
                    .contains("localhost"), outcomes::toString);
        }
    }

    private static RawHttpServer.Reply redirect(String location, String... cookies) {
        List<String> lines = new java.util.ArrayList<>(List.of(cookies));
        lines.add("Location: " + location);
        return new RawHttpServer.Reply(302, lines, "moved".getBytes(StandardCharsets.UTF_8));
    }
}
