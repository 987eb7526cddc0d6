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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Pages the Flask way" example of README.md, as written there (templates in src/test/resources/notes). */
class ReadmePagesTest {

    @Test
    void readmePagesExampleRendersFlashesAndRefusesAPostWithoutItsToken() {
        // --- as in README.md ---
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().build().install(app);
        app.templates(PebbleTemplates.builder(app).classpath("notes").build())
                .get("note.new", "/notes/new", req -> Reply.render("new.html"))
                .post("note.create", "/notes", req -> {
                    req.flash("Saved " + req.form().field("title"));
                    return Reply.redirect(app.url("note.new", Map.of()), 303);
                });

        TestClient client = new TestClient(app);            // no socket; keeps cookies between calls
        String form = client.get("/notes/new").text();
        String token = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertEquals(303, client.postForm("/notes", "_csrf", token, "title", "<b>hi</b>").status());
        assertTrue(client.get("/notes/new").text().contains("<p class=\"flash\">Saved &lt;b&gt;hi&lt;/b&gt;</p>"));
        assertEquals(403, client.postForm("/notes", "title", "no token").status());
        // --- end of the README example ---

        assertTrue(form.contains("<form method=\"post\" action=\"/notes\">"), form);
        assertFalse(client.get("/notes/new").text().contains("flash"), "a flash message shows once");
    }
}
