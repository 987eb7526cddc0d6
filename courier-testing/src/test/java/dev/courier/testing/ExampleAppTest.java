package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import dev.courier.server.HttpServer;
import dev.courier.server.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example app with Courier's own client over a socket and in process with
 * {@link TestClient}, so it is checked even where Chromium is missing
 * ({@link ExampleAppBrowserTest} is the real-browser version).
 */
class ExampleAppTest {

    @TempDir
    Path dir;

    @Test
    void formsLoginAndRangesWorkWithCouriersClient() throws IOException {
        Path statics = Files.createDirectories(dir.resolve("static"));
        Files.writeString(statics.resolve("a.txt"), "0123456789");
        try (HttpServer server = ExampleApp.start(0, statics);
             Session s = Session.builder().baseUrl(server.url()).build()) {
            String token = token(s.get("/forms").text());
            Response posted = s.post("/form", Body.form("_csrf", token, "name", "Zoë <b>"));
            assertEquals(server.url() + "/result", posted.url(), "303 after POST");
            assertTrue(posted.text().contains("data-name=\"name\">Zoë &lt;b&gt;</dd>"), posted.text());
            assertFalse(posted.text().contains("data-name=\"_csrf\""), "the token is not shown as a field");

            Response uploaded = s.post("/upload", Body.multipart(Multipart.form().field("_csrf", token)
                    .field("title", "Grüße")
                    .file("files", "a\"b.txt", "hi".getBytes(StandardCharsets.UTF_8), "text/plain")
                    .build()));
            assertTrue(uploaded.text().contains("data-size=\"2\" data-type=\"text/plain\">a%22b.txt</li>"),
                    uploaded.text());
            assertTrue(uploaded.text().contains("<li class=\"flash message\">Upload received</li>"), uploaded.text());

            assertEquals(401, s.post("/login", Body.form("_csrf", token, "user", "ada", "password", "wrong")).statusCode());
            Response me = s.post("/login", Body.form("_csrf", token, "user", "ada", "password", ExampleApp.PASSWORD));
            assertTrue(me.text().contains("Signed in as <b id=\"user-name\">ada</b>"), me.text());
            String signedIn = token(me.text());
            assertNotEquals(token, signedIn, "logging in rotates the token with the session ID");
            assertEquals(403, s.post("/logout", Body.form("_csrf", token)).statusCode(), "the token from before login is dead");
            Response out = s.post("/logout", Body.form("_csrf", signedIn));
            assertTrue(out.text().contains("Not signed in"), out.text());
            assertTrue(out.text().contains("<li class=\"flash message\">Signed out</li>"), out.text());

            Response range = s.request(Method.GET, "/static/a.txt").header("Range", "bytes=3-5").send();
            assertEquals(206, range.statusCode());
            assertEquals("345", range.text());
        }
    }

    @Test
    void aPostWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        TestClient client = new TestClient(ExampleApp.router(dir));
        String token = token(client.get("/forms").text());
        assertEquals(303, client.postForm("/form", "_csrf", token, "name", "ada").status());

        TestClient.Result missing = client.postForm("/form", "name", "mallory");
        assertEquals(403, missing.status());
        assertTrue(missing.text().contains("<p id=\"forbidden\">"), missing.text());
        assertEquals("text/html; charset=utf-8", missing.header("Content-Type"));
        assertEquals(403, client.postForm("/form", "_csrf", token + "x", "name", "mallory").status());
        assertEquals(403, client.postForm("/logout").status());

        String result = client.get("/result").text();
        assertTrue(result.contains("data-name=\"name\">ada</dd>"), result);
        assertFalse(result.contains("mallory"), result);

        TestClient stranger = new TestClient(ExampleApp.router(dir));
        assertEquals(403, stranger.postForm("/form", "_csrf", token, "name", "mallory").status(),
                "a token is only good for the session it was made for");
    }

    @Test
    void aFlashMessageShowsOnTheNextPageOnly() {
        TestClient client = new TestClient(ExampleApp.router(dir));
        String token = token(client.get("/forms").text());
        TestClient.Result posted = client.postForm("/form", "_csrf", token, "name", "ada");
        assertEquals("/result", posted.header("Location"));
        String first = client.get("/result").text();
        assertTrue(first.contains("<ul id=\"flashes\">\n<li class=\"flash message\">Form received</li>"), first);
        String reloaded = client.get("/result").text();
        assertFalse(reloaded.contains("Form received"), reloaded);
        assertFalse(reloaded.contains("id=\"flashes\""), reloaded);
        assertTrue(reloaded.contains("data-name=\"name\">ada</dd>"), "the result itself stays");
    }

    @Test
    void loginAndLogoutEachLeaveANoteAndLogoutEndsTheSession() {
        TestClient client = new TestClient(ExampleApp.router(dir));
        String token = token(client.get("/login").text());
        TestClient.Result wrong = client.postForm("/login", "_csrf", token, "user", "ada", "password", "nope");
        assertEquals(401, wrong.status());
        assertTrue(wrong.text().contains("<p id=\"error\">Wrong user or password.</p>"), wrong.text());
        assertTrue(wrong.text().contains("name=\"_csrf\""), "the form shown again can be sent again");

        assertEquals("/me", client.postForm("/login", "_csrf", token, "user", "Åsa <3",
                "password", ExampleApp.PASSWORD).header("Location"));
        String me = client.get("/me").text();
        assertTrue(me.contains("<li class=\"flash message\">Signed in as Åsa &lt;3</li>"), me);
        assertTrue(me.contains("<b id=\"user-name\">Åsa &lt;3</b>"), me);
        String signedIn = token(me);
        assertNotEquals(token, signedIn, "logging in rotates the token");

        assertEquals("/", client.postForm("/logout", "_csrf", signedIn).header("Location"));
        String home = client.get("/").text();
        assertTrue(home.contains("<li class=\"flash message\">Signed out</li>"), home);
        assertTrue(home.contains("<p id=\"who\">Not signed in</p>"), home);
        assertEquals(403, client.postForm("/logout", "_csrf", signedIn).status(), "the old session's token died with it");
        String fresh = token(client.get("/me").text());
        assertNotEquals(signedIn, fresh);
        assertFalse(client.get("/").text().contains("flash"), "each note shows once");
    }

    @Test
    void valuesFromUsersAreEscapedInTextAndInAttributes() {
        TestClient client = new TestClient(ExampleApp.router(dir));
        String token = token(client.get("/forms").text());
        client.postForm("/form", "_csrf", token, "x\" onclick=\"alert(1)", "<script>&'\"");
        String html = client.get("/result").text();
        assertTrue(html.contains("<dd class=\"field\" data-name=\"x&quot; onclick=&quot;alert(1)\">"
                + "&lt;script&gt;&amp;&#39;&quot;</dd>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void linksAndFormActionsAreBuiltFromTheNamedRoutes() {
        TestClient client = new TestClient(ExampleApp.router(dir));
        String home = client.get("/").text();
        for (String href : new String[] {"href=\"/forms\"", "href=\"/login\"", "href=\"/me\"", "href=\"/static/\""}) {
            assertTrue(home.contains(href), href + " in " + home);
        }
        String forms = client.get("/forms").text();
        assertTrue(forms.contains("action=\"/form\""), forms);
        assertTrue(forms.contains("action=\"/upload\" enctype=\"multipart/form-data\""), forms);
        assertEquals(2, forms.split("name=\"_csrf\"", -1).length - 1, "each form carries the token");
        assertEquals("/static/", client.get("/static").header("Location"));
        assertEquals(200, client.get("/static/").status());
    }

    /** Returns the CSRF token of the first form on {@code html}. */
    static String token(String html) {
        String marker = "name=\"_csrf\" value=\"";
        int at = html.indexOf(marker);
        assertTrue(at >= 0, () -> "no CSRF field in " + html);
        int from = at + marker.length();
        return html.substring(from, html.indexOf('"', from));
    }
}
