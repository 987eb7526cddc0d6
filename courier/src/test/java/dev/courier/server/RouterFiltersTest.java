package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RouterFiltersTest {

    private final CapturingLogger log = new CapturingLogger();

    private Router quiet() {
        return new Router().logger(log);
    }

    @Test
    void beforeFilterCanShortCircuitLikeAnAuthCheck() {
        List<String> calls = new ArrayList<>();
        Router r = quiet()
                .before("/admin", req -> req.header("Authorization") == null ? Reply.status(401) : null)
                .get("/admin/panel", req -> {
                    calls.add("handler");
                    return Reply.text("panel");
                });
        assertEquals(401, r.handle(TestRequest.get("/admin/panel")).status());
        assertTrue(calls.isEmpty(), "handler must not run after a short-circuit");
        Reply ok = r.handle(TestRequest.of(Method.GET, "/admin/panel",
                dev.courier.http.Headers.of("Authorization", "Bearer x"), ""));
        assertEquals("panel", Replies.text(ok));
    }

    @Test
    void filtersRunInRegistrationOrderAndAfterFiltersSeeEveryReply() {
        List<String> calls = new ArrayList<>();
        Router r = quiet()
                .before(req -> {
                    calls.add("b1");
                    return null;
                })
                .before(req -> {
                    calls.add("b2");
                    return null;
                })
                .after((req, reply) -> {
                    calls.add("a1");
                    return reply.withHeader("X-Order", "a1");
                })
                .after((req, reply) -> {
                    calls.add("a2");
                    return reply.withHeader("X-Order", "a2");
                })
                .get("/x", req -> {
                    calls.add("h");
                    return Reply.text("x");
                });
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(List.of("b1", "b2", "h", "a1", "a2"), calls);
        assertEquals(List.of("a1", "a2"), reply.headers().all("X-Order"));
        calls.clear();
        Reply missing = r.handle(TestRequest.get("/missing"));
        assertEquals(404, missing.status());
        assertEquals(List.of("b1", "b2", "a1", "a2"), calls);
    }

    @Test
    void shortCircuitSkipsLaterBeforeFiltersButNotAfterFilters() {
        List<String> calls = new ArrayList<>();
        Router r = quiet()
                .before(req -> Reply.status(403))
                .before(req -> {
                    calls.add("b2");
                    return null;
                })
                .after((req, reply) -> reply.withHeader("Access-Control-Allow-Origin", "*"))
                .get("/x", req -> Reply.text("x"));
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(403, reply.status());
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
        assertTrue(calls.isEmpty());
    }

    @Test
    void scopedFiltersApplyOnlyUnderTheirPrefixSegmentBySegment() {
        Router r = quiet()
                .after("/api", (req, reply) -> reply.withHeader("X-Api", "1"))
                .get("/api", req -> Reply.text("a"))
                .get("/api/x", req -> Reply.text("b"))
                .get("/apix", req -> Reply.text("c"));
        assertEquals("1", r.handle(TestRequest.get("/api")).header("X-Api"));
        assertEquals("1", r.handle(TestRequest.get("/api/x")).header("X-Api"));
        assertNull(r.handle(TestRequest.get("/apix")).header("X-Api"));
    }

    @Test
    void filtersRegisteredInAGroupAreScopedToTheGroup() {
        Router r = quiet()
                .group("/api", api -> api
                        .before(req -> Reply.status(401))
                        .get("/users", req -> Reply.text("users")))
                .get("/public", req -> Reply.text("public"));
        assertEquals(401, r.handle(TestRequest.get("/api/users")).status());
        assertEquals(200, r.handle(TestRequest.get("/public")).status());
    }

    @Test
    void beforeFilterSeesPathParametersAndLeavesAttributesForTheHandler() {
        Router r = quiet()
                .before("/users/{id}", req -> {
                    req.attributes().put("owner", "user-" + req.pathParam("id"));
                    return null;
                })
                .get("/users/{id}/profile", req -> Reply.text((String) req.attributes().get("owner")));
        assertEquals("user-9", Replies.text(r.handle(TestRequest.get("/users/9/profile"))));
    }

    @Test
    void mostSpecificExceptionHandlerWins() {
        Router r = quiet()
                .exception(Exception.class, (req, e) -> Reply.text("exception"))
                .exception(RuntimeException.class, (req, e) -> Reply.text("runtime"))
                .exception(IllegalArgumentException.class, (req, e) -> Reply.text("iae " + e.getMessage()))
                .get("/iae", req -> {
                    throw new NumberFormatException("nfe"); // a subclass of IllegalArgumentException
                })
                .get("/state", req -> {
                    throw new IllegalStateException("s");
                })
                .get("/io", req -> {
                    throw new IOException("io");
                });
        assertEquals("iae nfe", Replies.text(r.handle(TestRequest.get("/iae"))));
        assertEquals("runtime", Replies.text(r.handle(TestRequest.get("/state"))));
        assertEquals("exception", Replies.text(r.handle(TestRequest.get("/io"))));
    }

    @Test
    void unhandledExceptionBecomes500WithoutDetails() {
        Router r = quiet().get("/boom", req -> {
            throw new IllegalStateException("secret database password is hunter2");
        });
        Reply reply = r.handle(TestRequest.get("/boom"));
        assertEquals(500, reply.status());
        String body = Replies.text(reply);
        assertFalse(body.contains("hunter2"), body);
        assertFalse(body.contains("IllegalStateException"), body);
        assertEquals(1, log.entries.size());
        CapturingLogger.Entry e = log.entries.get(0);
        assertEquals(System.Logger.Level.ERROR, e.level);
        assertTrue(e.thrown instanceof IllegalStateException, "the exception with its stack is logged");
        assertTrue(e.message.contains("GET \"/boom\""), e.message);
    }

    @Test
    void handlerReturningNullIs500() {
        Router r = quiet().get("/null", req -> null);
        assertEquals(500, r.handle(TestRequest.get("/null")).status());
    }

    @Test
    void failingExceptionHandlerGivesPlain500() {
        Router r = quiet()
                .exception(NoSuchElementException.class, (req, e) -> {
                    throw new UncheckedIOException(new IOException("handler broke"));
                })
                .get("/x", req -> {
                    throw new NoSuchElementException();
                });
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(500, reply.status());
        assertEquals("500 Internal Server Error", Replies.text(reply));
    }

    @Test
    void httpStatusExceptionBecomesItsStatusWithItsMessage() {
        Router r = quiet().get("/users/{id}", req -> Reply.text("id " + req.pathParamInt("id")));
        Reply reply = r.handle(TestRequest.get("/users/abc"));
        assertEquals(400, reply.status());
        assertTrue(Replies.text(reply).contains("\"id\""), Replies.text(reply));
        assertTrue(Replies.text(reply).contains("\"abc\""), Replies.text(reply));
    }

    @Test
    void catchAllExceptionHandlerDoesNotSwallowAbortException() {
        Router r = quiet()
                .exception(Exception.class, (req, e) -> Reply.text("generic").withStatus(500))
                .get("/x", req -> {
                    throw new AbortException(409, "conflict");
                });
        assertEquals(409, r.handle(TestRequest.get("/x")).status());
    }

    @Test
    void handlerForAbortExceptionItselfIsUsed() {
        Router r = quiet()
                .exception(AbortException.class, (req, e) -> Reply.text("json-ish " + e.status()).withStatus(e.status()))
                .get("/x", req -> {
                    throw new AbortException(409, "conflict");
                });
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(409, reply.status());
        assertEquals("json-ish 409", Replies.text(reply));
    }

    @Test
    void statusHandlerReplacesTheRoutersOwn404And405And500() {
        Router r = quiet()
                .status(404, (req, reply) -> Reply.html("<h1>Nothing at " + Escape.html(req.path()) + "</h1>").withStatus(404))
                .status(405, (req, reply) -> reply.withHeader("X-Custom", "405"))
                .status(500, (req, reply) -> Reply.text("sorry").withStatus(500))
                .get("/x", req -> Reply.text("x"))
                .get("/boom", req -> {
                    throw new IllegalStateException();
                });
        Reply nf = r.handle(TestRequest.get("/<nope>"));
        assertEquals(404, nf.status());
        assertEquals("<h1>Nothing at /&lt;nope&gt;</h1>", Replies.text(nf));
        Reply na = r.handle(TestRequest.of(Method.POST, "/x"));
        assertEquals("405", na.header("X-Custom"));
        assertEquals("GET, HEAD, OPTIONS", na.header("Allow"));
        assertEquals("sorry", Replies.text(r.handle(TestRequest.get("/boom"))));
    }

    @Test
    void statusHandlerDoesNotTouchRepliesHandlersReturnOnPurpose() {
        Router r = quiet()
                .status(404, (req, reply) -> Reply.text("custom 404").withStatus(404))
                .get("/gone", req -> Reply.text("this user does not exist").withStatus(404));
        assertEquals("this user does not exist", Replies.text(r.handle(TestRequest.get("/gone"))));
    }

    @Test
    void failingStatusHandlerFallsBackToTheDefaultReply() {
        Router r = quiet().status(404, (req, reply) -> {
            throw new IllegalStateException("broken page");
        });
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(404, reply.status());
        assertEquals("404 Not Found", Replies.text(reply));
        assertEquals("broken page", log.entries.get(0).thrown.getMessage());
    }

    @Test
    void exceptionInBeforeFilterGoesToExceptionHandlers() {
        Router r = quiet()
                .exception(SecurityException.class, (req, e) -> Reply.status(403))
                .before(req -> {
                    throw new SecurityException("no");
                })
                .get("/x", req -> Reply.text("x"));
        assertEquals(403, r.handle(TestRequest.get("/x")).status());
    }

    @Test
    void exceptionInAfterFilterBecomesErrorReplySeenByLaterAfterFilters() {
        Router r = quiet()
                .after((req, reply) -> {
                    throw new IllegalStateException("after broke");
                })
                .after((req, reply) -> reply.withHeader("X-Cors", "yes"))
                .get("/x", req -> Reply.text("x"));
        Reply reply = r.handle(TestRequest.get("/x"));
        assertEquals(500, reply.status());
        assertEquals("yes", reply.header("X-Cors"));
    }

    @Test
    void afterFilterRunsEvenWhenThePathCannotBeDecoded() {
        Router r = quiet()
                .after((req, reply) -> reply.withHeader("X-All", "1"))
                .after("/a", (req, reply) -> reply.withHeader("X-Scoped", "1"));
        Reply reply = r.handle(TestRequest.get("/a/%zz"));
        assertEquals(400, reply.status());
        assertEquals("1", reply.header("X-All"));
        assertNull(reply.header("X-Scoped"));
    }

    @Test
    void statusHandlerRequiresAnErrorStatus() {
        Router r = quiet();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.status(302, (req, reply) -> reply));
        assertTrue(e.getMessage().contains("302"));
    }

    @Test
    void errorHandlersRegisteredInAGroupApplyRouterWide() {
        Router r = quiet()
                .group("/api", api -> api
                        .exception(IllegalStateException.class, (req, e) -> Reply.text("mapped").withStatus(409))
                        .status(404, (req, reply) -> Reply.text("api-404").withStatus(404)))
                .get("/outside", req -> {
                    throw new IllegalStateException("x");
                });
        assertEquals(409, r.handle(TestRequest.get("/outside")).status());
        assertEquals("api-404", Replies.text(r.handle(TestRequest.get("/nowhere"))));
    }

    @Test
    void servesManyThreadsOnceConfigured() throws Exception {
        Router r = quiet().get("/n/{n}", req -> Reply.text(String.valueOf(req.pathParamInt("n") * 2)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!Replies.text(r.handle(TestRequest.get("/n/" + i))).equals(String.valueOf(i * 2))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertTrue(f.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
