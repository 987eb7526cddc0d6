package dev.courier.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.CsrfFilter;
import dev.courier.server.MemorySessionStore;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import dev.courier.server.SessionFilter;
import dev.courier.server.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Pebble templates served with {@link Reply#render} through a {@link Router} and {@link TestClient}. */
class PebbleRouterTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private static Router app(boolean development) {
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().build().install(app);
        return app.templates(PebbleTemplates.builder(app).development(development).build())
                .get("item.show", "/items/{id}", req -> Reply.text("item"))
                .get("/items", req -> Reply.render("items.html", Map.of("site", "Shop", "items", List.of("a b"))))
                .post("/items", req -> {
                    req.flash("Saved " + SCRIPT);
                    return Reply.redirect("/items", 303);
                })
                .get("/page", req -> Reply.render("page.html", Map.of("title", SCRIPT)).withStatus(202))
                .get("/broken", req -> Reply.render("broken.html", Map.of("name", "x")))
                .get("/missing", req -> Reply.render("nope.html"));
    }

    @Test
    void rendersWithRequestFunctionsAndEscapesModelValues() {
        TestClient client = new TestClient(app(false));
        TestClient.Result page = client.get("/page");
        assertEquals(202, page.status());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n<p>/page</p>\n", page.text());

        String items = client.get("/items").text();
        assertTrue(items.contains("<li><a href=\"/items/a%20b\">A B</a></li>"), items);
        String marker = "name=\"_csrf\" value=\"";
        int from = items.indexOf(marker) + marker.length();
        String token = items.substring(from, items.indexOf('"', from));
        assertEquals(303, client.postForm("/items", "_csrf", token).status(), "the token the template made was saved");
        String after = client.get("/items").text();
        assertTrue(after.contains("<p class=\"message\">Saved &lt;script&gt;alert(1)&lt;/script&gt;</p>"), after);
        assertFalse(after.contains(SCRIPT), after);
    }

    @Test
    void inProductionAParseErrorIsAPlain500AndTheLogNamesTemplateLineAndColumn() {
        try (CapturedLog log = new CapturedLog(Router.class.getName())) {
            TestClient.Result r = new TestClient(app(false)).get("/broken");
            assertEquals(500, r.status());
            assertEquals("500 Internal Server Error", r.text());
            assertEquals(List.of("GET \"/broken\": template \"broken.html\" line 3 column 7: Unexpected token"
                    + " \"EXECUTE_END\" of value \"%}\""), log.errors());
            assertTrue(log.records.get(0).getThrown() instanceof TemplateException);
        }
    }

    @Test
    void inDevelopmentAParseErrorPageShowsTemplateLineColumnMessageAndSource() {
        try (CapturedLog log = new CapturedLog(Router.class.getName())) {
            TestClient.Result r = new TestClient(app(true)).get("/broken");
            assertEquals(500, r.status());
            String page = r.text();
            assertTrue(page.contains("template <code>broken.html</code>, line 3, column 7"), page);
            assertTrue(page.contains("Unexpected token &quot;EXECUTE_END&quot; of value &quot;%}&quot;"), page);
            assertTrue(page.contains("  2  &lt;p&gt;{{ name }}&lt;/p&gt;\n"), page);
            assertTrue(page.contains("&gt; 3  {% if %}</span>\n" + " ".repeat(5 + 6) + "^\n"), page);
            assertEquals(1, log.errors().size());
        }
    }

    @Test
    void inDevelopmentAMissingTemplateNamesTheFileAndTheFolderSearched() {
        try (CapturedLog log = new CapturedLog(Router.class.getName())) {
            String page = new TestClient(app(true)).get("/missing").text();
            assertTrue(page.contains("template <code>nope.html</code>, line unknown, column unknown"), page);
            assertTrue(page.contains("not found in classpath folder &quot;templates&quot; (looked for classpath resource"
                    + " &quot;templates/nope.html&quot;)"), page);
            assertTrue(log.errors().get(0).contains("template \"nope.html\": not found in classpath folder \"templates\""),
                    log.errors().toString());
        }
    }
}
