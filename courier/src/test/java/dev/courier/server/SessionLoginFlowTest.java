package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.courier.Body;
import dev.courier.Session;
import org.junit.jupiter.api.Test;

/** The login flow proposed for the README, run as written over a real connection. */
class SessionLoginFlowTest {

    @Test
    void readmeLoginFlowLogsInReadsTheSessionAndLogsOut() throws Exception {
        // --- README: sessions ---
        Router app = SessionFilter.builder(MemorySessionStore.builder().build()).build()
                .install(new Router())
                .post("/login", req -> {
                    String user = req.form().field("user");
                    if (!"s3cret".equals(req.form().field("password"))) {
                        return Reply.text("bad password").withStatus(401);
                    }
                    req.session().rotateId();                  // new ID after login: fixation defence
                    req.session().put("user", user);
                    return Reply.redirect("/me", 303);          // redirect after POST
                })
                .get("/me", req -> {
                    String user = req.session().get("user", String.class);
                    return user == null ? Reply.status(401) : Reply.text("hello " + user);
                })
                .post("/logout", req -> {
                    req.session().invalidate();
                    return Reply.redirect("/me", 303);
                });
        try (HttpServer server = HttpServer.builder().handler(app).start();
             Session browser = Session.builder().baseUrl(server.url()).build()) {
            assertEquals("hello ada", browser.post("/login", Body.form("user", "ada", "password", "s3cret")).text());
            assertEquals(401, browser.post("/logout", Body.form()).statusCode());
        }
        // --- end ---
    }
}
