package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Auth;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpBinRedirectCookieAuthTest {

    private static BinServer bin;

    @BeforeAll
    static void start() {
        bin = BinServer.start();
    }

    @AfterAll
    static void stop() {
        bin.close();
    }

    @Test
    void redirectChainsAreRelativeByDefaultAndEndAtGet() {
        assertEquals("/relative-redirect/2", bin.session.get(bin.url("/redirect/3")).header("Location"));
        assertEquals("/get", bin.session.get(bin.url("/relative-redirect/1")).header("Location"));
        assertEquals(bin.url("/absolute-redirect/1"), bin.session.get(bin.url("/redirect/2?absolute=true")).header("Location"));
        assertEquals(bin.url("/get"), bin.session.get(bin.url("/absolute-redirect/1")).header("Location"));
        assertEquals(404, bin.session.get(bin.url("/redirect/0")).statusCode());
    }

    @Test
    void aFollowingClientEndsAtGetAfterNHops() {
        try (Session s = Session.create()) {
            Response r = s.get(bin.url("/redirect/4"));
            assertEquals(200, r.statusCode());
            assertEquals(4, r.history().size());
            assertEquals(bin.url("/get"), r.url());
        }
    }

    @Test
    void redirectToUsesTheGivenUrlAndOnlyA3xxStatus() {
        Response r = bin.session.get(bin.url("/redirect-to?url=http%3A%2F%2Fexample.invalid%2Fx&status_code=307"));
        assertEquals(307, r.statusCode());
        assertEquals("http://example.invalid/x", r.header("Location"));
        assertEquals(302, bin.session.get(bin.url("/redirect-to?url=/get&status_code=200")).statusCode());
        assertEquals(400, bin.session.get(bin.url("/redirect-to")).statusCode());
    }

    @Test
    void cookiesSetShowAndDeleteThroughAClientJar() {
        try (Session s = Session.create()) {
            Map<?, ?> shown = BinServer.object(s.get(bin.url("/cookies/set?flavour=ginger&n=1")));
            assertEquals(Map.of("cookies", Map.of("flavour", "ginger", "n", "1")), shown);
            shown = BinServer.object(s.get(bin.url("/cookies/set/extra/yes")));
            assertEquals("yes", ((Map<?, ?>) shown.get("cookies")).get("extra"));
            shown = BinServer.object(s.get(bin.url("/cookies/delete?flavour")));
            assertEquals(Map.of("n", "1", "extra", "yes"), shown.get("cookies"));
        }
    }

    @Test
    void cookieSettersAnswer302WithPathSlashCookies() {
        Response r = bin.session.get(bin.url("/cookies/set/k/v"));
        assertEquals(302, r.statusCode());
        assertEquals("/cookies", r.header("Location"));
        assertEquals("k=v; Path=/", r.header("Set-Cookie"));
        assertTrue(bin.session.get(bin.url("/cookies/delete?k")).header("Set-Cookie").contains("Max-Age=0"));
    }

    @Test
    void basicAuthAcceptsTheRightPairAndChallengesOtherwise() {
        Response ok = bin.session.request(Method.GET, bin.url("/basic-auth/ada/s3cret")).auth(Auth.basic("ada", "s3cret")).send();
        assertEquals(Map.of("authenticated", true, "user", "ada"), BinServer.object(ok));
        Response bad = bin.session.request(Method.GET, bin.url("/basic-auth/ada/s3cret")).auth(Auth.basic("ada", "no")).send();
        assertEquals(401, bad.statusCode());
        assertEquals("Basic realm=\"Fake Realm\"", bad.header("WWW-Authenticate"));
    }

    @Test
    void hiddenBasicAuthAnswers404InsteadOfAChallenge() {
        assertEquals(404, bin.session.get(bin.url("/hidden-basic-auth/u/p")).statusCode());
        Response ok = bin.session.request(Method.GET, bin.url("/hidden-basic-auth/u/p")).auth(Auth.basic("u", "p")).send();
        assertEquals(200, ok.statusCode());
    }

    @Test
    void bearerEchoesTheTokenOrChallenges() {
        Response ok = bin.session.request(Method.GET, bin.url("/bearer")).auth(Auth.bearer("tok123")).send();
        assertEquals(Map.of("authenticated", true, "token", "tok123"), BinServer.object(ok));
        Response none = bin.session.get(bin.url("/bearer"));
        assertEquals(401, none.statusCode());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
    }
}
