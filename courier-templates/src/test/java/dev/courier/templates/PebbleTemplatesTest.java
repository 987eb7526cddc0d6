package dev.courier.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.CsrfFilter;
import dev.courier.server.MemorySessionStore;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import dev.courier.server.SessionFilter;
import dev.courier.server.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PebbleTemplatesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private final Router router = new Router().get("item.show", "/items/{id}", req -> Reply.text("item"));
    private final PebbleTemplates pages = PebbleTemplates.builder(router).build();

    @Test
    void inheritsIncludesLoopsAndFilters() {
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().build().install(app);
        PebbleTemplates t = PebbleTemplates.builder(app).build();
        app.get("item.show", "/items/{id}", req -> Reply.text("item"))
                .get("/items", req -> t.reply(req, "items.html", Map.of("site", "Shop", "items", List.of("a b", "c/d"))))
                .post("/items", req -> {
                    req.flash("Saved <b>");
                    return Reply.redirect("/items", 303);
                });
        TestClient client = new TestClient(app);
        TestClient.Result page = client.get("/items");
        String html = page.text();
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertTrue(html.startsWith("<html><title>Items</title>"), html);
        assertTrue(html.contains("<li><a href=\"/items/a%20b\">A B</a></li><li><a href=\"/items/c%2Fd\">C/D</a></li>"), html);
        assertTrue(html.contains("<footer>Shop</footer></body></html>"), html);
        String token = CsrfTokenIn.html(html);
        assertEquals(303, client.postForm("/items", "_csrf", token).status());
        String after = client.get("/items").text();
        assertTrue(after.contains("<p class=\"message\">Saved &lt;b&gt;</p>"), after);
        assertFalse(client.get("/items").text().contains("Saved"), "a flash message shows once");
    }

    @Test
    void escapesModelValuesInHtmlButNotRawOrText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;|<b>ok</b>",
                pages.render("escape.html", Map.of("name", SCRIPT, "trusted", "<b>ok</b>")));
        assertEquals("Hi " + SCRIPT, pages.render("mail.txt", Map.of("name", SCRIPT)));
        assertEquals("text/plain; charset=utf-8", pages.contentType("mail.txt"));
    }

    @Test
    void syntaxErrorNamesTemplateAndLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("broken.html", Map.of("name", "x")));
        assertEquals("broken.html", e.template());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("\"broken.html\" line 3"), e.getMessage());
    }

    @Test
    void unknownFilterNamesTemplateAndLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("badfilter.html", Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("nosuchfilter"), e.getMessage());
    }

    @Test
    void missingTemplateNamesItAndTheFolderSearched() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("nope.html", Map.of()));
        assertTrue(e.getMessage().contains("\"nope.html\"") && e.getMessage().contains("classpath folder \"templates\""),
                e.getMessage());
    }

    @Test
    void requestFunctionsWithoutARequestSaySo() {
        TemplateException e = assertThrows(TemplateException.class, () -> PebbleTemplates.builder(router).build()
                .render("items.html", Map.of("items", List.of())));
        assertTrue(e.getMessage().contains("flashed_messages() needs the request"), e.getMessage());
    }

    @Test
    void urlForWithAnUnknownRouteNamesTheRouteAndTheTemplate() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("unknown-route.html", Map.of()));
        assertTrue(e.getMessage().contains("\"no.such\"") && e.getMessage().contains("unknown-route.html"), e.getMessage());
        assertEquals("/items/..%2Fx%3F%23", pages.render("url.txt", Map.of("id", "../x?#")));
    }

    @Test
    void brokenTemplateInARouteGivesAPlain500WithoutInternals() {
        Router app = new Router();
        PebbleTemplates t = PebbleTemplates.builder(app).build();
        app.get("/", req -> t.reply(req, "broken.html", Map.of()));
        java.util.logging.Logger quiet = java.util.logging.Logger.getLogger(Router.class.getName());
        java.util.logging.Level old = quiet.getLevel();
        quiet.setLevel(java.util.logging.Level.OFF); // the stack trace is expected; keep the build log clean
        try {
            TestClient.Result r = new TestClient(app).get("/");
            assertEquals(500, r.status());
            assertFalse(r.text().contains("broken.html") || r.text().contains("line"), r.text());
        } finally {
            quiet.setLevel(old);
        }
    }

    @Test
    void developmentModeRereadsChangedFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.txt"), "one {{ x }}");
        PebbleTemplates dev = PebbleTemplates.builder(router).directory(dir).development(true).build();
        assertEquals("one 1", dev.render("p.txt", Map.of("x", 1)));
        Files.writeString(dir.resolve("p.txt"), "two {{ x }}");
        assertEquals("two 1", dev.render("p.txt", Map.of("x", 1)));
    }

    /** Finds the CSRF token in a rendered page. */
    private static final class CsrfTokenIn {
        static String html(String html) {
            String marker = "name=\"_csrf\" value=\"";
            int at = html.indexOf(marker);
            assertTrue(at >= 0, html);
            int from = at + marker.length();
            return html.substring(from, html.indexOf('"', from));
        }
    }
}
