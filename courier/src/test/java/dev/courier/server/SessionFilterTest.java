package dev.courier.server;

import static dev.courier.server.SessionRequests.cookiePair;
import static dev.courier.server.SessionRequests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionFilterTest {

    private final MemorySessionStore store = MemorySessionStore.builder().build();
    private final Router router = SessionFilter.builder(store).build().install(new Router())
            .get("/login", req -> {
                req.session().rotateId();
                req.session().put("user", req.query("u"));
                return Reply.text("in");
            })
            .get("/me", req -> Reply.text(String.valueOf(req.session().get("user", String.class))))
            .get("/count", req -> {
                Integer n = req.session().get("n", Integer.class);
                req.session().put("n", n == null ? 1 : n + 1);
                return Reply.text("n");
            })
            .get("/logout", req -> {
                req.session().invalidate();
                return Reply.text("out");
            })
            .get("/plain", req -> Reply.text("no session used"));

    @Test
    void aNewSessionGetsA256BitRandomIdInAnHttpOnlyLaxCookie() {
        Reply r = router.handle(get("/login?u=ada", null));
        String sc = r.header("Set-Cookie");
        assertTrue(sc.matches("sid=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"), sc);
        String id = cookiePair(r).substring(4);
        assertEquals(Map.of("user", "ada"), store.load(id));
    }

    @Test
    void overHttpsTheCookieIsHostPrefixedAndSecure() {
        Reply r = router.handle(SessionRequests.secure(get("/login?u=ada", null)));
        String sc = r.header("Set-Cookie");
        assertTrue(sc.matches("__Host-sid=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax"), sc);
        // and it is read back from that name only
        String me = body(router.handle(SessionRequests.secure(get("/me", cookiePair(r)))));
        assertEquals("ada", me);
        assertEquals("null", body(router.handle(SessionRequests.secure(get("/me", "sid=" + cookiePair(r).substring(11))))));
    }

    @Test
    void theSessionSurvivesLaterRequestsWithTheCookie() {
        String cookie = cookiePair(router.handle(get("/login?u=ada", null)));
        Reply me = router.handle(get("/me", cookie));
        assertEquals("ada", body(me));
        assertNull(me.header("Set-Cookie"), "an unchanged session sends no cookie");
    }

    @Test
    void anUnchangedOrUnusedSessionIsNeverSaved() {
        router.handle(get("/plain", null));
        router.handle(get("/me", null));
        assertEquals(0, store.size());
    }

    @Test
    void anIdTheStoreDoesNotKnowIsNeverAdopted() {
        String planted = SessionIds.next();   // well formed, but chosen by an attacker
        Reply r = router.handle(get("/count", "sid=" + planted));
        String issued = cookiePair(r).substring(4);
        assertNotEquals(planted, issued);
        assertNull(store.load(planted));
        assertEquals(Map.of("n", 1L), store.load(issued));
    }

    @Test
    void malformedIdsNeverReachTheStore() {
        for (String bad : List.of("../../etc/passwd", "", "x", SessionIds.next() + "A")) {
            Reply r = router.handle(get("/count", "sid=" + bad));
            assertNotEquals("sid=" + bad, cookiePair(r));
        }
        assertEquals(4, store.size());
    }

    @Test
    void rotateIdKeepsTheDataUnderANewIdAndRetiresTheOldOne() {
        String first = cookiePair(router.handle(get("/count", null)));
        router.handle(get("/count", first));
        Reply login = router.handle(get("/login?u=ada", first));
        String second = cookiePair(login);
        assertNotNull(second);
        assertNotEquals(first, second);
        assertNull(store.load(first.substring(4)), "the pre-login ID is dead");
        assertEquals(Map.of("n", 2L, "user", "ada"), store.load(second.substring(4)));
    }

    @Test
    void logoutDeletesTheSessionAndClearsTheCookie() {
        String cookie = cookiePair(router.handle(get("/login?u=ada", null)));
        Reply out = router.handle(get("/logout", cookie));
        assertTrue(out.header("Set-Cookie").startsWith("sid=; Max-Age=0;"), out.header("Set-Cookie"));
        assertNull(store.load(cookie.substring(4)));
        assertEquals("null", body(router.handle(get("/me", cookie))), "replaying the old cookie finds nothing");
    }

    @Test
    void numbersReadBackAsTheAskedType() {
        String cookie = cookiePair(router.handle(get("/count", null)));
        router.handle(get("/count", cookie));
        assertEquals(Map.of("n", 2L), store.load(cookie.substring(4)));
    }

    @Test
    void valuesJsonCannotCarryAreRefusedWithTheReason() {
        WebSession s = new WebSession(() -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.put("when", new Object()));
        assertTrue(e.getMessage().contains("never Java serialization"), e.getMessage());
        s.put("tags", List.of("a", 1, Map.of("k", true)));
        assertEquals(List.of("a", 1L, Map.of("k", true)), s.get("tags", List.class));
        assertThrows(ClassCastException.class, () -> s.get("tags", String.class));
    }

    @Test
    void usingASessionWithoutTheFilterFailsNamingTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> get("/x", null).session());
        assertTrue(e.getMessage().contains("install a SessionFilter"), e.getMessage());
    }

    private static String body(Reply r) {
        return Replies.text(r);
    }
}
