package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterMatchingTest {

    private static Handler named(String name) {
        return req -> Reply.text(name + " " + req.pathParams());
    }

    private static String call(Router r, Method m, String target) {
        return Replies.text(r.handle(TestRequest.of(m, target)));
    }

    @Test
    void matchesLiteralRoutes() {
        Router r = new Router().get("/", named("root")).get("/a/b", named("ab"));
        assertEquals("root {}", call(r, Method.GET, "/"));
        assertEquals("ab {}", call(r, Method.GET, "/a/b"));
        assertEquals(404, r.handle(TestRequest.get("/a")).status());
        assertEquals(404, r.handle(TestRequest.get("/a/b/c")).status());
    }

    @Test
    void extractsDecodedPathParameters() {
        Router r = new Router().get("/users/{id}/posts/{post}", req ->
                Reply.text(req.pathParam("id") + "|" + req.pathParam("post")));
        assertEquals("ada lovelace|a/b", call(r, Method.GET, "/users/ada%20lovelace/posts/a%2Fb"));
    }

    @Test
    void treatsEncodedSlashAsPartOfASegmentNotASeparator() {
        Router r = new Router().get("/a/b", named("ab")).get("/{x}", named("x"));
        assertEquals("x {x=a/b}", call(r, Method.GET, "/a%2Fb"));
        assertEquals("ab {}", call(r, Method.GET, "/a/b"));
    }

    @Test
    void matchesLiteralSegmentsAfterDecoding() {
        Router r = new Router().get("/café", named("cafe"));
        assertEquals("cafe {}", call(r, Method.GET, "/caf%C3%A9"));
        assertEquals("cafe {}", call(r, Method.GET, "/caf%c3%a9"));
    }

    @Test
    void parameterDoesNotMatchEmptySegment() {
        Router r = new Router().get("/users/{id}", named("user"));
        assertEquals(404, r.handle(TestRequest.get("/users/")).status());
    }

    @Test
    void catchAllTakesTheRestJoinedBySlashes() {
        Router r = new Router().get("/files/{path...}", named("files"));
        assertEquals("files {path=a/b/c.txt}", call(r, Method.GET, "/files/a/b/c.txt"));
        assertEquals("files {path=}", call(r, Method.GET, "/files/"));
        assertEquals(404, r.handle(TestRequest.get("/files")).status());
    }

    @Test
    void trailingSlashIsSignificant() {
        Router r = new Router().get("/users", named("list"));
        assertEquals(404, r.handle(TestRequest.get("/users/")).status());
    }

    @Test
    void literalBeatsParameterBeatsCatchAllInEitherRegistrationOrder() {
        Router forward = new Router()
                .get("/u/me", named("literal")).get("/u/{id}", named("param")).get("/u/{rest...}", named("all"));
        Router backward = new Router()
                .get("/u/{rest...}", named("all")).get("/u/{id}", named("param")).get("/u/me", named("literal"));
        for (Router r : new Router[] {forward, backward}) {
            assertEquals("literal {}", call(r, Method.GET, "/u/me"));
            assertEquals("param {id=7}", call(r, Method.GET, "/u/7"));
            assertEquals("all {rest=7/x}", call(r, Method.GET, "/u/7/x"));
        }
    }

    @Test
    void leftmostDifferingSegmentDecidesPrecedence() {
        Router r = new Router().get("/{y}/b/c", named("second-literal")).get("/a/{x}/c", named("first-literal"));
        assertEquals("first-literal {x=b}", call(r, Method.GET, "/a/b/c"));
    }

    @Test
    void backtracksWhenTheLiteralBranchHasNoRouteForThePath() {
        Router r = new Router().get("/a/b/c", named("abc")).get("/{x}/b/d", named("xbd"));
        assertEquals("xbd {x=a}", call(r, Method.GET, "/a/b/d"));
    }

    @Test
    void backtracksToParameterRouteWhenLiteralLacksTheMethod() {
        Router r = new Router().post("/users/me", named("post-me")).get("/users/{id}", named("get-user"));
        assertEquals("get-user {id=me}", call(r, Method.GET, "/users/me"));
        assertEquals("post-me {}", call(r, Method.POST, "/users/me"));
    }

    @Test
    void answers405WithAllowListingTheMethodsOfEveryMatchingPattern() {
        Router r = new Router().get("/users/{id}", named("g")).delete("/users/{id}", named("d"))
                .put("/users/me", named("p"));
        Reply reply = r.handle(TestRequest.of(Method.POST, "/users/me"));
        assertEquals(405, reply.status());
        assertEquals("GET, HEAD, PUT, DELETE, OPTIONS", reply.header("Allow"));
        Reply other = r.handle(TestRequest.of(Method.POST, "/users/7"));
        assertEquals("GET, HEAD, DELETE, OPTIONS", other.header("Allow"));
    }

    @Test
    void headIsAnsweredByTheGetRoute() {
        Router r = new Router().get("/x", named("get"));
        Reply reply = r.handle(TestRequest.of(Method.HEAD, "/x"));
        assertEquals(200, reply.status());
        assertEquals("get {}", Replies.text(reply));
    }

    @Test
    void explicitHeadRouteBeatsTheImpliedOne() {
        Router r = new Router().get("/x", named("get")).head("/x", req -> Reply.status(200).withHeader("X-Head", "1"));
        assertEquals("1", r.handle(TestRequest.of(Method.HEAD, "/x")).header("X-Head"));
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        Router r = new Router().get("/x", named("get")).post("/x", named("post")).route(Method.of("PROPFIND"), "/x", named("pf"));
        Reply reply = r.handle(TestRequest.of(Method.OPTIONS, "/x"));
        assertEquals(204, reply.status());
        assertEquals("GET, HEAD, POST, OPTIONS, PROPFIND", reply.header("Allow"));
        assertEquals(404, r.handle(TestRequest.of(Method.OPTIONS, "/nothing")).status());
    }

    @Test
    void explicitOptionsRouteReplacesTheAutomaticAnswer() {
        Router r = new Router().get("/x", named("get")).options("/x", req -> Reply.text("custom"));
        assertEquals("custom", call(r, Method.OPTIONS, "/x"));
    }

    @Test
    void optionsAsteriskListsEveryMethodOfTheRouter() {
        Router r = new Router().get("/a", named("a")).patch("/b", named("b"));
        Reply reply = r.handle(TestRequest.of(Method.OPTIONS, "*"));
        assertEquals(204, reply.status());
        assertEquals("GET, HEAD, PATCH, OPTIONS", reply.header("Allow"));
        assertEquals(400, r.handle(TestRequest.of(Method.GET, "*")).status());
    }

    @Test
    void everyVerbHelperRegistersItsMethod() {
        Router r = new Router().get("/v", named("GET")).post("/v", named("POST")).put("/v", named("PUT"))
                .patch("/v", named("PATCH")).delete("/v", named("DELETE"));
        for (String m : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(m + " {}", call(r, Method.of(m), "/v"));
        }
    }

    @Test
    void customMethodsRouteLikeAnyOther() {
        Router r = new Router().route(Method.of("PURGE"), "/cache/{key}", named("purge"));
        assertEquals("purge {key=k}", call(r, Method.of("PURGE"), "/cache/k"));
        assertEquals(405, r.handle(TestRequest.get("/cache/k")).status());
    }

    @Test
    void refusesDuplicateRouteNamingBothPatterns() {
        Router r = new Router().get("/users/{id}", named("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.get("/users/{name}", named("b")));
        assertTrue(e.getMessage().contains("GET /users/{name}"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /users/{id}"), e.getMessage());
    }

    @Test
    void refusesDuplicateCatchAllButAllowsOtherMethodsAndShapes() {
        Router r = new Router().get("/f/{p...}", named("a")).post("/f/{p...}", named("b")).get("/f/{x}", named("c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("/f/{q...}", named("d")));
        assertTrue(e.getMessage().contains("/f/{p...}"), e.getMessage());
    }

    @Test
    void refusesMalformedPatterns() {
        Router r = new Router();
        String[] bad = {"users", "/a/{}", "/a/{1x}", "/a/{x-y}", "/a/file.{ext}", "/a/{p...}/b", "/a/{x}/{x}",
            "/a/%zz", "/a/{x"};
        for (String p : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get(p, named("x")), p);
            assertTrue(e.getMessage().contains("route pattern"), e.getMessage());
        }
    }

    @Test
    void malformedRequestPathIs400() {
        Router r = new Router().get("/{x}", named("x"));
        Reply reply = r.handle(TestRequest.get("/%zz"));
        assertEquals(400, reply.status());
        assertTrue(Replies.text(reply).contains("percent-escape"), Replies.text(reply));
    }

    @Test
    void groupsPrefixTheirPatternsAndNest() {
        Router r = new Router().group("/api/", api -> api
                .get("/users", named("users"))
                .get("", named("api-root"))
                .group("/v2", v2 -> v2.get("/users/{id}", named("v2user"))));
        assertEquals("users {}", call(r, Method.GET, "/api/users"));
        assertEquals("api-root {}", call(r, Method.GET, "/api"));
        assertEquals("v2user {id=3}", call(r, Method.GET, "/api/v2/users/3"));
        assertEquals(404, r.handle(TestRequest.get("/users")).status());
    }

    @Test
    void groupPrefixMayHoldParameters() {
        Router r = new Router().group("/orgs/{org}", g -> g.get("/repos/{repo}", named("repo")));
        assertEquals("repo {org=o, repo=r}", call(r, Method.GET, "/orgs/o/repos/r"));
    }

    @Test
    void matchReportsOutcomeForTheTable() {
        Router r = new Router().get("/a/{x}", named("a"));
        RouteMatch m = r.match(Method.GET, "/a/1");
        assertEquals(RouteMatch.Outcome.FOUND, m.outcome());
        assertEquals(Map.of("x", "1"), m.params());
        assertEquals(RouteMatch.Outcome.NOT_FOUND, r.match(Method.GET, "/b").outcome());
        assertEquals(RouteMatch.Outcome.METHOD_NOT_ALLOWED, r.match(Method.PUT, "/a/1").outcome());
        assertNull(r.match(Method.PUT, "/a/1").route());
    }

    @Test
    void refusesRegistrationAfterServingStarted() {
        Router r = new Router().get("/a", named("a"));
        r.handle(TestRequest.get("/a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.get("/b", named("b")));
        assertTrue(e.getMessage().contains("already serves"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> r.before(req -> null));
    }
}
