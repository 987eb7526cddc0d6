package dev.courier.testing;

import dev.courier.multipart.FormFile;
import dev.courier.server.CsrfFilter;
import dev.courier.server.Form;
import dev.courier.server.HttpServer;
import dev.courier.server.MemorySessionStore;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;
import dev.courier.server.SessionFilter;
import dev.courier.server.StaticFiles;
import dev.courier.server.TemplateEngine;
import dev.courier.templates.PebbleTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small web site that shows the server as browsers use it, built the way a Flask app is:
 * pages rendered from templates (Pebble, Jinja2 syntax) that extend one base layout, named
 * routes linked with {@code url_for}, HTML forms (urlencoded and multipart with several files)
 * protected by a CSRF token, a login kept in a server-side session, redirect after POST with a
 * flash message shown once, and a static folder served with ranges. Run it with
 * {@code java dev.courier.testing.ExampleApp 8080 ./public} and open {@code http://127.0.0.1:8080/}.
 *
 * <p>Routes, by name: {@code home} ({@code /}, links), {@code forms} ({@code /forms}, both
 * forms), {@code form} and {@code upload} ({@code POST /form}, {@code POST /upload}: keep what
 * was decoded in the session, flash a note, then 303 to {@code /result}), {@code result}
 * ({@code /result}, shows it), {@code login} ({@code /login}, any user name, password
 * {@value #PASSWORD}), {@code me} ({@code /me}), {@code logout} ({@code POST /logout}) and
 * {@code static} ({@code /static/{filename...}}). Every POST must carry the session's CSRF token
 * (each form has it in a hidden field); without it the reply is a 403 page. Decoded values appear
 * in elements with ids and classes, so browser tests can read them. The templates are under
 * {@value #TEMPLATES} on the class path; the app needs the {@code courier-templates} module, an
 * optional dependency of this one. {@code courier serve --example} runs it.
 */
public final class ExampleApp {

    /** The password the login page accepts, for any user name. */
    public static final String PASSWORD = "courier";

    /** The class-path folder of the app's templates. */
    static final String TEMPLATES = "dev/courier/testing/templates";

    private final Router router;
    private final TemplateEngine pages;

    private ExampleApp(Router router) {
        this.router = router;
        this.pages = PebbleTemplates.builder(router).classpath(TEMPLATES).build();
    }

    /** Returns the app's router, serving {@code staticDir} under {@code /static/}. */
    public static Router router(Path staticDir) {
        Router router = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        CsrfFilter.builder().build().install(router);   // after the session filter, whose session it reads
        ExampleApp app = new ExampleApp(router);
        return router
                .get("home", "/", req -> app.page(req, "home.html", Map.of()))
                .get("forms", "/forms", req -> app.page(req, "forms.html", Map.of()))
                .post("form", "/form", req -> app.keep(req, "urlencoded", "Form received"))
                .post("upload", "/upload", req -> app.keep(req, "multipart", "Upload received"))
                .get("result", "/result", app::result)
                .get("login", "/login", req -> app.page(req, "login.html", Map.of()))
                .post("login", "/login", app::login)
                .get("me", "/me", req -> app.page(req, "me.html", Map.of()))
                .post("logout", "/logout", app::logout)
                .get("static", "/static/{filename...}", StaticFiles.builder(staticDir).directoryListing(true).build()
                        .handler("/static"))
                .get("static.root", "/static", req -> Reply.redirect(router.url("static", Map.of("filename", "")), 301))
                // The CSRF filter refuses with a plain-text 403; browsers get a page in the site's layout.
                .status(403, (req, reply) -> app.page(req, "forbidden.html", Map.of()).withStatus(403));
    }

    /** Starts the app on loopback {@code port} (0 for any free one) and returns the running server. */
    public static HttpServer start(int port, Path staticDir) throws IOException {
        return HttpServer.builder().port(port).handler(router(staticDir)).start();
    }

    /** Runs the app: {@code ExampleApp [port [staticDir]]}, by default port 8080 and {@code .}. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Path dir = Path.of(args.length > 1 ? args[1] : ".");
        HttpServer server = start(port, dir);
        System.out.println("Courier example app on " + server.url() + "/ serving " + dir.toAbsolutePath() + " under /static/");
    }

    /** Returns template {@code name} rendered for {@code req}, with the signed-in user (or null) as {@code user}. */
    private Reply page(Request req, String name, Map<String, ?> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("user", req.session().get("user", String.class));
        return pages.reply(req, name, m);
    }

    /** Keeps what the server decoded in the session, then redirects (POST/redirect/GET). */
    private Reply keep(Request req, String kind, String note) throws IOException {
        Form form = req.form();
        List<Object> fields = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : form.fields().entrySet()) {
            if (e.getKey().equals(CsrfFilter.FIELD)) {
                continue;   // the filter checked it; the user did not type it
            }
            for (String v : e.getValue()) {
                fields.add(Map.of("name", e.getKey(), "value", v));
            }
        }
        List<Object> files = new ArrayList<>();
        for (Map.Entry<String, List<FormFile>> e : form.files().entrySet()) {
            for (FormFile f : e.getValue()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", e.getKey());
                m.put("filename", f.filename());
                m.put("type", f.contentType());
                m.put("size", f.size());
                files.add(m);
            }
        }
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("kind", kind);
        decoded.put("fields", fields);
        decoded.put("files", files);
        req.session().put("last", decoded);
        req.flash(note);
        return Reply.redirect(router.url("result"), 303);
    }

    private Reply result(Request req) {
        Map<?, ?> last = req.session().get("last", Map.class);
        return page(req, "result.html", last == null ? Map.of() : Map.of("last", last));
    }

    private Reply login(Request req) throws IOException {
        String user = req.form().field("user");
        if (user == null || user.isBlank() || !PASSWORD.equals(req.form().field("password"))) {
            return page(req, "login.html", Map.of("error", true)).withStatus(401);
        }
        req.session().rotateId();   // a new ID after login: an ID planted before it is worthless
        req.session().put("user", user);
        req.flash("Signed in as " + user);
        return Reply.redirect(router.url("me"), 303);
    }

    private Reply logout(Request req) {
        // The old session and its ID are gone; the note starts a new, anonymous one.
        req.session().invalidate();
        req.flash("Signed out");
        return Reply.redirect(router.url("home"), 303);
    }
}
