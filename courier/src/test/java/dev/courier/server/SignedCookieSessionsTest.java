package dev.courier.server;

import static dev.courier.server.SessionRequests.cookiePair;
import static dev.courier.server.SessionRequests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.cookie.CookieSigner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignedCookieSessionsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SignedCookieSessions sessions =
            SignedCookieSessions.builder(CookieSigner.builder(KEY).salt("session").build()).build();
    private final Router router = sessions.install(new Router())
            .get("/set", req -> {
                req.session().put("user", req.query("u")).put("admin", false);
                return Reply.text("ok");
            })
            .get("/me", req -> Reply.text(req.session().get("user", String.class) + " "
                    + req.session().get("admin", Boolean.class)))
            .get("/logout", req -> {
                req.session().invalidate();
                return Reply.text("bye");
            });

    @Test
    void theWholeSessionTravelsInASignedHttpOnlyCookie() {
        Reply set = router.handle(get("/set?u=Zo%C3%AB", null));
        assertTrue(set.header("Set-Cookie").matches("session=[A-Za-z0-9_.-]+; Path=/; HttpOnly; SameSite=Lax"),
                set.header("Set-Cookie"));
        assertEquals("Zoë false", Replies.text(router.handle(get("/me", cookiePair(set)))));
    }

    @Test
    void aTamperedCookieGivesAnEmptySession() {
        String cookie = cookiePair(router.handle(get("/set?u=ada", null)));
        // swap the payload for {"user":"ada","admin":true} but keep the signature
        String[] parts = cookie.substring("session=".length()).split("\\.");
        parts[0] = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"user\":\"ada\",\"admin\":true}".getBytes(StandardCharsets.UTF_8));
        String forged = "session=" + String.join(".", Arrays.asList(parts));
        assertEquals("null null", Replies.text(router.handle(get("/me", forged))));
        CookieSigner other = CookieSigner.builder("another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII))
                .salt("session").build();
        String foreign = "session=" + other.sign("{\"user\":\"eve\"}");
        assertEquals("null null", Replies.text(router.handle(get("/me", foreign))));
    }

    @Test
    void aSessionTooBigForACookieFailsNamingTheLimit() {
        TestRequest req = get("/", null);
        sessions.before(req);
        req.session().put("blob", "x".repeat(3500));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sessions.after(req, Reply.text("")));
        assertTrue(e.getMessage().contains("over maxCookieBytes=4096"), e.getMessage());
        assertTrue(e.getMessage().contains("use SessionFilter with a server-side SessionStore"), e.getMessage());
        Reply viaRouter = sessions.install(new Router())
                .get("/big", r -> {
                    r.session().put("blob", "x".repeat(5000));
                    return Reply.text("");
                }).logger(new CapturingLogger()).handle(get("/big", null));
        assertEquals(500, viaRouter.status());
    }

    @Test
    void logoutClearsTheCookie() {
        String cookie = cookiePair(router.handle(get("/set?u=ada", null)));
        Reply out = router.handle(get("/logout", cookie));
        assertTrue(out.header("Set-Cookie").startsWith("session=; Max-Age=0"), out.header("Set-Cookie"));
    }
}
