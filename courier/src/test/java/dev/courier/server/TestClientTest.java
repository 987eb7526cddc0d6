package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestClientTest {

    /** A small app with sessions, CSRF, flash, path parameters, errors and a redirect. */
    private static Router app() {
        Router r = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().build().install(r);
        return r.get("home", "/", req -> Reply.text("home " + Flash.consume(req)))
                .get("user", "/users/{id}", req -> Reply.text("user " + req.pathParam("id") + " q=" + req.query("q")))
                .get("/form", req -> Reply.text(CsrfFilter.token(req)))
                .post("/save", req -> {
                    req.flash("saved " + req.form().field("title"));
                    return Reply.redirect("/", 303);
                })
                .get("/boom", req -> {
                    throw new IllegalStateException("boom");
                })
                .logger(new CapturingLogger());
    }

    /** Runs the same steps against a client and returns "status body" for each. */
    private interface Steps {
        String call(Method m, String target, String... form) throws Exception;
    }

    private static List<String> script(Steps s) throws Exception {
        List<String> out = new ArrayList<>();
        out.add(s.call(Method.GET, "/users/a%20b?q=1"));
        out.add(s.call(Method.GET, "/nowhere"));
        out.add(s.call(Method.DELETE, "/users/x"));
        out.add(s.call(Method.GET, "/boom"));
        out.add(s.call(Method.POST, "/save", "title", "no token"));
        String token = s.call(Method.GET, "/form").substring(4);
        out.add(s.call(Method.POST, "/save", "title", "T1", "_csrf", token));
        out.add(s.call(Method.GET, "/"));
        out.add(s.call(Method.GET, "/"));
        return out;
    }

    @Test
    void inProcessAndRealSocketGiveTheSameStatusesAndBodies() throws Exception {
        TestClient client = new TestClient(app());
        List<String> inProcess = script((m, target, form) -> {
            TestClient.Result r = m.equals(Method.POST) ? client.postForm(target, form)
                    : client.request(m, target, Headers.empty(), new byte[0]);
            if (r.status() == 303) { // the socket client follows redirects; do the same here
                r = client.get(r.header("Location"));
            }
            return r.status() + " " + r.text();
        });
        List<String> overSocket;
        try (HttpServer server = TestServers.start(app());
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            overSocket = script((m, target, form) -> {
                Response r = m.equals(Method.POST) ? browser.post(target, Body.form(form))
                        : browser.request(m, target).send();
                return r.statusCode() + " " + r.text();
            });
        }
        assertEquals(overSocket, inProcess);
        assertEquals("200 user a b q=1", inProcess.get(0));
        assertEquals(404, Integer.parseInt(inProcess.get(1).substring(0, 3)));
        assertEquals(403, Integer.parseInt(inProcess.get(2).substring(0, 3)), "CSRF refuses before the 405");
        assertEquals(500, Integer.parseInt(inProcess.get(3).substring(0, 3)));
        assertTrue(inProcess.get(4).startsWith("403 ") && inProcess.get(4).contains("CSRF token missing"), inProcess.get(4));
        assertEquals("200 home [Message[category=message, text=saved T1]]", inProcess.get(5));
        assertEquals("200 home []", inProcess.get(6));
    }

    @Test
    void keepsCookiesBetweenCallsAndOpensNoSocket() {
        TestClient client = new TestClient(app());
        TestClient.Result form = client.get("/form");
        assertNotNull(form.header("Set-Cookie"));
        assertEquals(1, client.cookies().size());
        assertEquals(form.text(), client.get("/form").text(), "same session, same token");
        assertEquals(303, client.postForm("/save", "_csrf", form.text(), "title", "x").status());
    }

    @Test
    void sendsRawBodiesWithTheirHeadersAndDropsHeadBodies() {
        Router r = new Router().post("/echo", req -> Reply.text(req.header("Content-Type") + ":" + req.bodyText()))
                .get("/hello", req -> Reply.text("hello"));
        TestClient client = new TestClient(r);
        TestClient.Result echo = client.request(Method.POST, "/echo",
                Headers.builder().add("Content-Type", "application/json").build(),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("application/json:{\"a\":1}", echo.text());
        TestClient.Result head = client.request(Method.HEAD, "/hello", Headers.empty(), new byte[0]);
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals("/users/7", app().url("user", Map.of("id", 7)));
    }
}
