package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrfFilterTest {

    private final AtomicInteger acted = new AtomicInteger();
    private Router app;

    @BeforeEach
    void setUp() {
        app = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().exempt("/api/").build().install(app)
                .get("/form", req -> Reply.text(CsrfFilter.token(req)))
                .get("/field", req -> Reply.html(CsrfFilter.hiddenField(req)))
                .post("/save", req -> Reply.text("saved " + acted.incrementAndGet()))
                .put("/save", req -> Reply.text("put " + acted.incrementAndGet()))
                .delete("/save", req -> Reply.text("deleted " + acted.incrementAndGet()))
                .post("/api/save", req -> Reply.text("api " + acted.incrementAndGet()))
                .post("/apix", req -> Reply.text("apix " + acted.incrementAndGet()));
    }

    @Test
    void acceptsFormHeaderAndMultipartWithTheSessionsToken() throws Exception {
        try (HttpServer server = TestServers.start(app);
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            String token = browser.get("/form").text();
            assertEquals("saved 1", browser.post("/save", Body.form("_csrf", token, "x", "1")).text());
            assertEquals("put 2", browser.request(Method.PUT, "/save").header("X-CSRF-Token", token)
                    .body(Body.json(java.util.Map.of("a", 1))).send().text());
            assertEquals("deleted 3", browser.request(Method.DELETE, "/save").header("X-CSRF-Token", token).send().text());
            Multipart mp = Multipart.form().field("_csrf", token).file("f", "a.txt", new byte[] {1, 2}, "text/plain").build();
            assertEquals("saved 4", browser.post("/save", Body.multipart(mp)).text());
            assertEquals(token, browser.get("/form").text(), "the token stays the same for the session");
        }
    }

    @Test
    void refusesWithoutTokenWithAWrongOneAndWithAnotherSessionsOne() throws Exception {
        try (HttpServer server = TestServers.start(app);
             Session alice = Session.builder().baseUrl(server.url()).build();
             Session mallory = Session.builder().baseUrl(server.url()).build()) {
            String aliceToken = alice.get("/form").text();
            String malloryToken = mallory.get("/form").text();
            assertNotEquals(aliceToken, malloryToken);

            Response none = alice.post("/save", Body.form("x", "1"));
            assertEquals(403, none.statusCode());
            assertTrue(none.text().contains("CSRF token missing") && none.text().contains("_csrf"), none.text());

            Response wrong = alice.post("/save", Body.form("_csrf", aliceToken + "x"));
            assertEquals(403, wrong.statusCode());
            assertTrue(wrong.text().contains("does not match"), wrong.text());

            assertEquals(403, alice.post("/save", Body.form("_csrf", malloryToken)).statusCode());
            assertEquals(403, alice.request(Method.DELETE, "/save").header("X-CSRF-Token", malloryToken).send().statusCode());
            assertEquals(403, alice.post("/save", Body.json(java.util.Map.of("_csrf", aliceToken))).statusCode(),
                    "a JSON body is not searched: scripts use the header");
            assertEquals(0, acted.get(), "no refused request reached its handler");
        }
    }

    @Test
    void refusesASessionThatNeverGotAToken() throws Exception {
        try (HttpServer server = TestServers.start(app);
             Session fresh = Session.builder().baseUrl(server.url()).build()) {
            Response r = fresh.post("/save", Body.form("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
            assertEquals(403, r.statusCode());
            assertTrue(r.text().contains("does not match"), r.text());
            assertEquals(0, acted.get());
        }
    }

    @Test
    void safeMethodsAndExemptPrefixesPassWithoutToken() throws Exception {
        try (HttpServer server = TestServers.start(app);
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            assertEquals(200, browser.get("/form").statusCode());
            assertEquals(200, browser.request(Method.HEAD, "/form").send().statusCode());
            assertEquals("api 1", browser.post("/api/save", Body.form("x", "1")).text());
            assertEquals(403, browser.post("/apix", Body.form("x", "1")).statusCode(), "exemption is by segment");
        }
    }

    @Test
    void hiddenFieldCarriesA256BitUrlSafeToken() throws Exception {
        try (HttpServer server = TestServers.start(app);
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            String field = browser.get("/field").text();
            String token = browser.get("/form").text();
            assertEquals("<input type=\"hidden\" name=\"_csrf\" value=\"" + token + "\">", field);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        }
    }

    @Test
    void exemptingEverythingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsrfFilter.builder().exempt("/"));
    }
}
