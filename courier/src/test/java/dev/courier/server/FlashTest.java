package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.courier.Body;
import dev.courier.Session;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlashTest {

    private static Router app() {
        return SessionFilter.builder(MemorySessionStore.builder().build()).build()
                .install(new Router())
                .post("/items", req -> {
                    req.flash("Saved " + req.form().field("name"));
                    Flash.add(req, "warning", "Quota <90%>");
                    return Reply.redirect("/items", 303);
                })
                .get("/items", req -> Reply.text(Flash.consume(req).stream()
                        .map(m -> m.category() + ":" + m.text()).collect(Collectors.joining("|"))))
                .get("/peek", req -> Reply.text(String.valueOf(Flash.peek(req).size())));
    }

    @Test
    void flashedMessagesShowOnceOnTheRedirectedPageThenAreGone() throws Exception {
        try (HttpServer server = TestServers.start(app());
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            assertEquals("message:Saved ada|warning:Quota <90%>",
                    browser.post("/items", Body.form("name", "ada")).text());
            assertEquals("", browser.get("/items").text());
            assertEquals("", browser.get("/items").text());
        }
    }

    @Test
    void peekLeavesMessagesForTheNextRead() throws Exception {
        try (HttpServer server = TestServers.start(app());
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            assertEquals(303, browser.post("/items", Body.form("name", "x")).history().get(0).statusCode());
            assertEquals("", browser.get("/items").text()); // the redirect already consumed them
            browser.post("/items", Body.form("name", "y"));
            assertEquals("0", browser.get("/peek").text());
        }
    }

    @Test
    void messagesDoNotLeakToAnotherSession() throws Exception {
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build()
                .install(new Router())
                .post("/note", req -> {
                    req.flash("mine");
                    return Reply.text("ok");
                })
                .get("/read", req -> Reply.text(Flash.consume(req).toString()));
        try (HttpServer server = TestServers.start(app);
             Session a = Session.builder().baseUrl(server.url()).build();
             Session b = Session.builder().baseUrl(server.url()).build()) {
            assertEquals("ok", a.post("/note", Body.form()).text());
            assertEquals("[]", b.get("/read").text());
            assertEquals("[Message[category=message, text=mine]]", a.get("/read").text());
            assertEquals("[]", a.get("/read").text());
        }
    }

    @Test
    void consumeWithoutMessagesSendsNoSessionCookie() {
        Reply reply = app().handle(TestRequest.get("/items"));
        assertEquals("", Replies.text(reply));
        assertNull(reply.header("Set-Cookie"));
    }

    @Test
    void flashWithoutASessionFilterSaysHowToInstallOne() {
        Router r = new Router().get("/", req -> {
            req.flash("x");
            return Reply.text("unreachable");
        });
        assertEquals(500, r.logger(new CapturingLogger()).handle(TestRequest.get("/")).status());
        assertThrows(IllegalStateException.class, () -> Flash.consume(TestRequest.get("/")));
    }
}
