package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReverseRoutingTest {

    private static final Handler ECHO = req -> Reply.text(req.pathParams().toString());

    private static Router app() {
        return new Router()
                .get("home", "/", ECHO)
                .get("user.show", "/users/{id}", ECHO)
                .post("user.show", "/users/{id}", ECHO)
                .get("file", "/files/{path...}", ECHO)
                .group("/api", api -> api.get("api.item", "/items/{a}/{b}", ECHO));
    }

    @Test
    void buildsPathsOfNamedRoutes() {
        Router r = app();
        assertEquals("/", r.url("home"));
        assertEquals("/users/42", r.url("user.show", Map.of("id", 42)));
        assertEquals("/api/items/x/y", r.url("api.item", Map.of("a", "x", "b", "y")));
    }

    @Test
    void encodesSlashInsideItsSegment() {
        assertEquals("/users/a%2Fb", app().url("user.show", Map.of("id", "a/b")));
    }

    @Test
    void encodesDotDotSlashSoItCannotClimb() {
        assertEquals("/users/..%2F..%2Fetc", app().url("user.show", Map.of("id", "../../etc")));
        assertEquals("/users/%2E%2E", app().url("user.show", Map.of("id", "..")));
        assertEquals("/users/%2E", app().url("user.show", Map.of("id", ".")));
    }

    @Test
    void encodesQuestionMarkAndHash() {
        assertEquals("/users/a%3Fx%3D1", app().url("user.show", Map.of("id", "a?x=1")));
        assertEquals("/users/a%23top", app().url("user.show", Map.of("id", "a#top")));
    }

    @Test
    void encodesSpacesAndNonAsciiAsUtf8() {
        assertEquals("/users/ada%20l%C3%A9", app().url("user.show", Map.of("id", "ada lé")));
    }

    @Test
    void catchAllKeepsSlashesButEncodesEachSegment() {
        Router r = app();
        assertEquals("/files/css/a%20b.css", r.url("file", Map.of("path", "css/a b.css")));
        assertEquals("/files/a%3F/%2E%2E/b%23", r.url("file", Map.of("path", "a?/../b#")));
        assertEquals("/files/", r.url("file", Map.of("path", "")));
    }

    @Test
    void builtPathsRouteBackToTheSameParameters() {
        Router r = app();
        for (String id : new String[] {"a/b", "../x", "?q#f", "..", "é %"}) {
            String path = r.url("user.show", Map.of("id", id));
            assertEquals("{id=" + id + "}", Replies.text(r.handle(TestRequest.get(path))), path);
        }
        String path = r.url("file", Map.of("path", "a b/c?d/e#"));
        assertEquals("{path=a b/c?d/e#}", Replies.text(r.handle(TestRequest.get(path))));
    }

    @Test
    void unknownNameIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app().url("user.edit"));
        assertTrue(e.getMessage().contains("\"user.edit\""), e.getMessage());
        assertTrue(e.getMessage().contains("user.show"), e.getMessage());
    }

    @Test
    void missingParameterIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app().url("api.item", Map.of("a", "x")));
        assertTrue(e.getMessage().contains("[b]"), e.getMessage());
        assertTrue(e.getMessage().contains("api.item"), e.getMessage());
    }

    @Test
    void extraParameterIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app().url("user.show", Map.of("id", 1, "page", 2)));
        assertTrue(e.getMessage().contains("[page]"), e.getMessage());
    }

    @Test
    void emptyOneSegmentValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app().url("user.show", Map.of("id", "")));
        assertTrue(e.getMessage().contains("{id}"), e.getMessage());
    }

    @Test
    void oneNameForTwoPatternsIsRefused() {
        Router r = new Router().get("x", "/a", ECHO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("x", "/b", ECHO));
        assertTrue(e.getMessage().contains("\"/a\"") && e.getMessage().contains("\"/b\""), e.getMessage());
    }
}
