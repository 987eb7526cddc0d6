package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Session;
import dev.courier.cookie.SetCookie;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Reply#render} through a {@link Router} with a {@link FakeTemplates} engine, and template faults. */
class RouterTemplatesTest {

    private static final String BROKEN = "<p>one</p>\n<p>{% boom %} <script>alert(1)</script></p>\n<p>three</p>\n";

    private final CapturingLogger log = new CapturingLogger();

    private Router app(boolean development) {
        FakeTemplates engine = new FakeTemplates(development)
                .with("item.html", "<h1>{{name}}</h1> at {{path}}")
                .with("note.txt", "note {{name}}")
                .with("404.html", "<h1>nothing at {{path}}</h1>")
                .with("500.html", "<h1>our fault</h1>")
                .with("broken.html", BROKEN);
        return new Router().logger(log).templates(engine);
    }

    @Test
    void rendersWithTheRequestInTheModelAndTheEnginesContentType() {
        Router app = app(false)
                .get("/items/{id}", req -> Reply.render("item.html", Map.of("name", "<b>" + req.pathParam("id"))))
                .get("/note", req -> Reply.render("note.txt", Map.of("name", "<b>")));
        TestClient client = new TestClient(app);
        TestClient.Result page = client.get("/items/7");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals("<h1>&lt;b&gt;7</h1> at /items/7", page.text());
        TestClient.Result note = client.get("/note");
        assertEquals("text/plain; charset=utf-8", note.header("Content-Type"));
        assertEquals("note <b>", note.text());
        TestClient.Result head = client.request(Method.HEAD, "/note", Headers.empty(), new byte[0]);
        assertEquals("text/plain; charset=utf-8", head.header("Content-Type"));
        assertEquals(0, head.body().length);
    }

    @Test
    void keepsTheStatusHeadersCookiesAndContentTypeSetOnTheRenderReply() {
        Router app = app(false)
                .post("/form", req -> Reply.render("item.html", Map.of("name", "invalid")).withStatus(422)
                        .withHeader("X-Form", "1").withCookie(SetCookie.builder("seen", "1").path("/").build()))
                .get("/xhtml", req -> Reply.render("item.html", Map.of("name", "x")).newBuilder()
                        .contentType("application/xhtml+xml").build());
        TestClient client = new TestClient(app);
        TestClient.Result r = client.postForm("/form");
        assertEquals(422, r.status());
        assertEquals("1", r.header("X-Form"));
        assertEquals("seen=1; Path=/", r.header("Set-Cookie"));
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<h1>invalid</h1> at /form", r.text());
        assertEquals("application/xhtml+xml", client.get("/xhtml").header("Content-Type"));
    }

    @Test
    void rendersRepliesOfStatusAndExceptionHandlersAndAfterFiltersBeforeLaterAfterFiltersSeeThem() {
        Map<String, String> seenByAfter = new HashMap<>();
        Router app = app(false)
                .get("/bad", req -> {
                    throw new IllegalArgumentException("no");
                })
                .get("/swap", req -> Reply.text("plain"))
                .exception(IllegalArgumentException.class, (req, e) -> Reply.render("item.html", Map.of("name", "bad")).withStatus(400))
                .status(404, (req, reply) -> Reply.render("404.html").withStatus(404))
                .after("/swap", (req, reply) -> Reply.render("note.txt", Map.of("name", "swapped")))
                .after((req, reply) -> {
                    seenByAfter.put(req.path(), reply.body().toString());
                    return reply;
                });
        TestClient client = new TestClient(app);
        TestClient.Result missing = client.get("/nowhere");
        assertEquals(404, missing.status());
        assertEquals("<h1>nothing at /nowhere</h1>", missing.text());
        TestClient.Result bad = client.get("/bad");
        assertEquals(400, bad.status());
        assertEquals("<h1>bad</h1> at /bad", bad.text());
        assertEquals("note swapped", client.get("/swap").text());
        assertEquals(Map.of("/nowhere", "bytes(28)", "/bad", "bytes(20)", "/swap", "bytes(12)"), seenByAfter,
                "after filters see rendered bytes, not a template");
    }

    @Test
    void sessionChangesMadeWhileRenderingAreSaved() {
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(app(false));
        app.get("/form", req -> Reply.render("token.txt"));
        ((FakeTemplates) app.templates()).with("token.txt", "{{csrf}}");
        TestClient client = new TestClient(app);
        TestClient.Result first = client.get("/form");
        assertTrue(first.header("Set-Cookie").startsWith("sid="), "the token made by the template is saved");
        assertEquals(first.text(), client.get("/form").text(), "the next page finds the same token");
    }

    @Test
    void withoutAnEngineAnswers500AndLogsHowToRegisterOne() {
        Router app = new Router().logger(log).get("/", req -> Reply.render("item.html"));
        assertNull(app.templates());
        TestClient.Result r = new TestClient(app).get("/");
        assertEquals(500, r.status());
        assertEquals("500 Internal Server Error", r.text());
        Throwable thrown = log.entries.get(0).thrown;
        assertInstanceOf(IllegalStateException.class, thrown);
        assertTrue(thrown.getMessage().contains("call router.templates(engine)")
                && thrown.getMessage().contains("\"item.html\""), thrown.getMessage());
    }

    @Test
    void aRenderReplyFromAHandlerThatIsNotARouterIsRefused() throws Exception {
        Handler plain = req -> Reply.render("item.html");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TestClient(plain).get("/"));
        assertTrue(e.getMessage().contains("router.templates(engine)"), e.getMessage());
        try (HttpServer server = TestServers.start(plain);
             Session s = Session.builder().baseUrl(server.url()).build()) {
            // Set after TestServers' own level (its class initializer), so the expected stack stays out of the build log.
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger("dev.courier.server");
            java.util.logging.Level old = jul.getLevel();
            jul.setLevel(java.util.logging.Level.OFF);
            try {
                assertEquals(500, s.get("/").statusCode(), "never an empty 200");
            } finally {
                jul.setLevel(old);
            }
        }
    }

    @Test
    void inProductionATemplateFaultIsThePlain500AndTheLogNamesTemplateLineAndColumn() {
        Router app = app(false).get("/", req -> Reply.render("broken.html", Map.of()));
        TestClient.Result r = new TestClient(app).get("/");
        assertEquals(500, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("500 Internal Server Error", r.text());
        assertEquals(1, log.entries.size());
        CapturingLogger.Entry e = log.entries.get(0);
        assertEquals(System.Logger.Level.ERROR, e.level);
        assertEquals("GET \"/\": template \"broken.html\" line 2 column 4: Unexpected tag name \"boom\" <b>here</b>",
                e.message);
        assertInstanceOf(RenderException.class, e.thrown);
    }

    @Test
    void inProductionTheStatusHandlerFor500ShapesTheTemplateFaultPage() {
        Router app = app(false).get("/", req -> Reply.render("broken.html"))
                .status(500, (req, reply) -> Reply.render("500.html").withStatus(500));
        TestClient.Result r = new TestClient(app).get("/");
        assertEquals(500, r.status());
        assertEquals("<h1>our fault</h1>", r.text());
    }

    @Test
    void inDevelopmentTheFaultPageShowsTemplateLineColumnMessageAndEscapedSource() {
        Router app = app(true).get("/", req -> Reply.render("broken.html"))
                .status(500, (req, reply) -> Reply.render("500.html").withStatus(500));
        TestClient.Result r = new TestClient(app).get("/");
        assertEquals(500, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("no-store", r.header("Cache-Control"));
        String page = r.text();
        assertTrue(page.contains("template <code>broken.html</code>, line 2, column 4"), page);
        assertTrue(page.contains("Unexpected tag name &quot;boom&quot; &lt;b&gt;here&lt;/b&gt;"), page);
        assertTrue(page.contains("  1  &lt;p&gt;one&lt;/p&gt;\n"), page);
        assertTrue(page.contains("&gt; 2  &lt;p&gt;{% boom %} &lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</span>\n"
                + "        ^\n"), page);
        assertTrue(page.contains("  3  &lt;p&gt;three&lt;/p&gt;\n"), page);
        assertFalse(page.contains("<script>") || page.contains("<b>here"), "nothing from the template is live HTML");
        assertFalse(page.contains("our fault"), "development shows the fault, not the custom 500 page");
        assertTrue(log.entries.get(0).message.contains("template \"broken.html\" line 2 column 4"));
    }

    @Test
    void aWrappedRenderExceptionFromAHandlerIsFoundAndAnExceptionHandlerForItWins() {
        FakeTemplates engine = new FakeTemplates(true).with("broken.html", BROKEN);
        Router app = new Router().logger(log).templates(engine)
                .get("/wrapped", req -> {
                    try {
                        return engine.reply(req, "broken.html", Map.of());
                    } catch (RenderException e) {
                        throw new IllegalStateException("while building the page", e);
                    }
                });
        TestClient.Result r = new TestClient(app).get("/wrapped");
        assertEquals(500, r.status());
        assertTrue(r.text().contains("line 2, column 4"), r.text());
        assertTrue(log.entries.get(0).message.endsWith("template \"broken.html\" line 2 column 4: Unexpected tag name"
                + " \"boom\" <b>here</b>"), log.entries.get(0).message);

        Router handled = new Router().logger(log).templates(engine).get("/", req -> Reply.render("broken.html"))
                .exception(RenderException.class, (req, e) -> Reply.text("handled line " + e.line()).withStatus(503));
        TestClient.Result h = new TestClient(handled).get("/");
        assertEquals(503, h.status());
        assertEquals("handled line 2", h.text());
    }

    @Test
    void aFaultWithoutLineOrSourceShowsWhatIsKnownAndTheLogLineCannotBeForged() {
        Router app = app(true)
                .get("/missing", req -> Reply.render("gone.html"))
                .get("/forged", req -> {
                    throw new RenderException("bad\r\nINFO forged line", "x.html", 1, -1, null, null);
                });
        TestClient client = new TestClient(app);
        String page = client.get("/missing").text();
        assertTrue(page.contains("template <code>gone.html</code>, line unknown, column unknown"), page);
        assertTrue(page.contains("not found among"), page);
        assertFalse(page.contains("class=\"source\""), page);
        assertEquals(500, client.get("/forged").status());
        assertEquals("GET \"/forged\": template \"x.html\" line 1 (column unknown): bad\\x0d\\x0aINFO forged line",
                log.entries.get(1).message);
    }

    @Test
    void renderReplyKeepsNameAndModelAndRefusesBadInput() {
        Map<String, Object> model = new HashMap<>();
        model.put("maybe", null);
        model.put("n", 1);
        Reply r = Reply.render("a.html", model);
        model.put("n", 2);
        ReplyBody.Template t = assertInstanceOf(ReplyBody.Template.class, r.body());
        assertEquals("a.html", t.name());
        assertEquals(1, t.model().get("n"), "the model is copied");
        assertTrue(t.model().containsKey("maybe"));
        assertEquals(-1, t.length());
        assertNull(r.header("Content-Type"), "the router sets it from the engine");
        assertEquals("Reply{200, no type, template(a.html)}", r.toString());
        assertThrows(IllegalArgumentException.class, () -> Reply.render(""));
        assertThrows(IllegalStateException.class, () -> Reply.render("a.html").withStatus(204));
    }

    @Test
    void renderExceptionStatesItsLocationAndRefusesAColumnWithoutALine() {
        RenderException e = new RenderException("boom", "a.html", 3, 7, null, null);
        assertEquals("template \"a.html\" line 3 column 7: boom", e.getMessage());
        assertEquals("template \"a.html\" line 3 column 7", e.location());
        assertEquals("template \"a.html\": gone", new RenderException("gone", "a.html", -1, -1, null, null).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RenderException("x", "a.html", -1, 4, null, null));
        assertThrows(IllegalArgumentException.class, () -> new RenderException("x", "a.html", 0, -1, null, null));
    }

    @Test
    void theEngineIsRegisteredRouterWideBeforeServing() {
        FakeTemplates engine = new FakeTemplates(false).with("note.txt", "in group {{path}}");
        Router app = new Router();
        app.group("/g", g -> g.templates(engine).get("/x", req -> Reply.render("note.txt")));
        assertSame(engine, app.templates());
        assertEquals("in group /g/x", new TestClient(app).get("/g/x").text());
        assertThrows(IllegalStateException.class, () -> app.templates(engine));
    }
}
