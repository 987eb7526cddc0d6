package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The CSRF token changes at login: the old one is refused, the new one accepted. */
class CsrfRotationTest {

    private static Router app(SessionFilter sessions) {
        Router app = sessions.install(new Router());
        CsrfFilter.builder().build().install(app)
                .get("/form", req -> Reply.text(CsrfFilter.token(req)))
                .post("/login", req -> {
                    req.session().rotateId();
                    req.session().put("user", "ada");
                    return Reply.redirect("/form", 303);
                })
                .post("/rotate", req -> Reply.text(CsrfFilter.rotate(req)))
                .post("/save", req -> Reply.text("saved"))
                .post("/cart", req -> {
                    req.session().put("cart", "3 items");
                    return Reply.redirect("/form", 303);
                })
                .get("/me", req -> Reply.text(req.session().get("user") + " with " + req.session().get("cart")));
        return app;
    }

    private final TestClient client = new TestClient(app(SessionFilter.builder(MemorySessionStore.builder().build()).build()));

    @Test
    void rotatingTheSessionIdAtLoginRefusesTheOldTokenAndAcceptsTheNewOne() {
        String before = client.get("/form").text();
        assertEquals(303, client.postForm("/login", "_csrf", before).status());
        String after = client.get("/form").text();
        assertNotEquals(before, after);
        assertEquals(403, client.postForm("/save", "_csrf", before).status());
        assertEquals("saved", client.postForm("/save", "_csrf", after).text());
        assertEquals(after, client.get("/form").text(), "the new token stays for the session");
    }

    @Test
    void rotateReplacesTheTokenAtOnce() {
        String old = client.get("/form").text();
        TestClient.Result r = client.postForm("/rotate", "_csrf", old);
        assertEquals(200, r.status());
        String fresh = r.text();
        assertNotEquals(old, fresh);
        assertEquals(fresh, client.get("/form").text());
        assertEquals(403, client.postForm("/save", "_csrf", old).status());
        assertEquals("saved", client.postForm("/save", "_csrf", fresh).text());
    }

    @Test
    void rotateIdKeepsEveryOtherValue() {
        assertEquals(303, client.postForm("/cart", "_csrf", client.get("/form").text()).status());
        assertEquals(303, client.postForm("/login", "_csrf", client.get("/form").text()).status());
        assertEquals("ada with 3 items", client.get("/me").text());
    }
}
