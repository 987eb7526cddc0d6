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
    void syntaxErrorNamesTemplateLineAndColumn() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("broken.html", Map.of("name", "x")));
        assertEquals("broken.html", e.template());
        assertEquals(3, e.line());
        assertEquals(7, e.column(), "the %} of {% if %}");
        assertEquals("template \"broken.html\" line 3 column 7: Unexpected token \"EXECUTE_END\" of value \"%}\"",
                e.getMessage());
        assertTrue(e.source().startsWith("<p>ok</p>\n"), e.source());
    }

    @Test
    void unknownFilterNamesTemplateLineAndColumn() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("badfilter.html", Map.of()));
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertTrue(e.getMessage().contains("nosuchfilter"), e.getMessage());
    }

    @Test
    void columnIsUnknownWhenTheOffendingTokenIsTwiceOnTheLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("twice.html", Map.of()));
        assertEquals(2, e.line());
        assertEquals(-1, e.column());
        assertTrue(e.getMessage().startsWith("template \"twice.html\" line 2 (column unknown): "), e.getMessage());
    }

    @Test
    void aFilterFailingInJavaHasNeitherLineNorColumn() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("baddate.html", Map.of("name", "x")));
        assertEquals(-1, e.line());
        assertEquals(-1, e.column());
        assertTrue(e.getMessage().startsWith("template \"baddate.html\": "), e.getMessage());
    }

    @Test
    void missingTemplateNamesItTheFolderAndTheFileLookedFor() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("nope.html", Map.of()));
        assertEquals("template \"nope.html\": not found in classpath folder \"templates\" (looked for classpath resource"
                + " \"templates/nope.html\"); check the name and the folder", e.getMessage());
        assertEquals(-1, e.line());
    }

    @Test
    void missingIncludeNamesItAndTheLineAndColumnOfTheInclude(@TempDir Path dir) throws Exception {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("missing-include.html", Map.of()));
        assertEquals("missing-include.html", e.template());
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertTrue(e.getMessage().endsWith("includes or extends \"nope-part.html\", which is not found in classpath folder"
                + " \"templates\" (looked for classpath resource \"templates/nope-part.html\"); check the name and the folder"),
                e.getMessage());

        Files.writeString(dir.resolve("top.txt"), "{% include 'gone.txt' %}");
        PebbleTemplates files = PebbleTemplates.builder(router).directory(dir).build();
        TemplateException f = assertThrows(TemplateException.class, () -> files.render("top.txt", Map.of()));
        assertEquals(1, f.line());
        assertEquals(13, f.column());
        assertTrue(f.getMessage().contains("(looked for file \"" + dir.toAbsolutePath().resolve("gone.txt") + "\")"),
                f.getMessage());
    }

    @Test
    void aFailingCourierFunctionGivesLineAndColumnOfTheCall() {
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("unknown-route.html", Map.of()));
        assertEquals(1, e.line());
        assertEquals(4, e.column());
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
    void urlForTakesParametersByNameAsFlaskDoesOrAsOneMap() {
        assertEquals("/items/..%2Fx%3F%23", pages.render("url-named.txt", Map.of("id", "../x?#")));
        assertEquals("/items/7", pages.render("url-named.txt", Map.of("id", 7)));
        assertEquals("/items/7", pages.render("url.txt", Map.of("id", 7)));
        TemplateException e = assertThrows(TemplateException.class, () -> pages.render("url-bad.txt", Map.of()));
        assertTrue(e.getMessage().contains("pass parameters by name, e.g. id=42"), e.getMessage());
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
