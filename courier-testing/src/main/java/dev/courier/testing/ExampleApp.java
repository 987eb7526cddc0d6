package dev.courier.testing;

import dev.courier.multipart.FormFile;
import dev.courier.server.Form;
import dev.courier.server.HttpServer;
import dev.courier.server.MemorySessionStore;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;
import dev.courier.server.SessionFilter;
import dev.courier.server.StaticFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small web site that shows the server as browsers use it: HTML forms (urlencoded and
 * multipart with several files), a login kept in a server-side session, redirect after POST,
 * and a static folder served with ranges. Run it with
 * {@code java dev.courier.testing.ExampleApp 8080 ./public} and open {@code http://127.0.0.1:8080/}.
 *
 * <p>Pages: {@code /} (links), {@code /forms} (both forms), {@code POST /form} and
 * {@code POST /upload} (keep what was decoded in the session, then 303 to {@code /result}),
 * {@code /result} (shows it), {@code /login} (any user name, password {@value #PASSWORD}),
 * {@code /me}, {@code POST /logout}, and {@code /static/...}. Decoded values appear in elements
 * with ids and classes, so browser tests can read them.
 */
public final class ExampleApp {

    /** The password the login page accepts, for any user name. */
    public static final String PASSWORD = "courier";

    private ExampleApp() {
    }

    /** Returns the app's router, serving {@code staticDir} under {@code /static/}. */
    public static Router router(Path staticDir) {
        Router router = SessionFilter.builder(MemorySessionStore.builder().build()).build().install(new Router());
        return router
                .get("/", req -> page("Courier example", "<ul><li><a id=\"to-forms\" href=\"/forms\">Forms</a></li>"
                        + "<li><a id=\"to-login\" href=\"/login\">Log in</a></li>"
                        + "<li><a id=\"to-me\" href=\"/me\">Who am I?</a></li>"
                        + "<li><a href=\"/static/\">Static files</a></li></ul>" + who(req)))
                .get("/forms", req -> page("Forms", FORMS))
                .post("/form", req -> keep(req, "urlencoded"))
                .post("/upload", req -> keep(req, "multipart"))
                .get("/result", ExampleApp::result)
                .get("/login", req -> page("Log in", LOGIN))
                .post("/login", ExampleApp::login)
                .get("/me", req -> page("Me", who(req) + "<form method=\"post\" action=\"/logout\">"
                        + "<button id=\"logout\" type=\"submit\">Log out</button></form>"))
                .post("/logout", req -> {
                    req.session().invalidate();
                    return Reply.redirect("/", 303);
                })
                .staticFiles("/static", StaticFiles.builder(staticDir).directoryListing(true).build());
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

    private static final String FORMS = "<h2>Urlencoded</h2>"
            + "<form id=\"urlencoded\" method=\"post\" action=\"/form\" accept-charset=\"utf-8\">"
            + "<label>Name <input id=\"name\" name=\"name\"></label>"
            + "<label>Comment <textarea id=\"comment\" name=\"comment\"></textarea></label>"
            + "<button id=\"send-form\" type=\"submit\">Send</button></form>"
            + "<h2>Multipart</h2>"
            + "<form id=\"multipart\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">"
            + "<label>Title <input id=\"title\" name=\"title\"></label>"
            + "<label>Files <input id=\"files\" name=\"files\" type=\"file\" multiple></label>"
            + "<button id=\"send-upload\" type=\"submit\">Upload</button></form>";

    private static final String LOGIN = "<form method=\"post\" action=\"/login\">"
            + "<label>User <input id=\"user\" name=\"user\"></label>"
            + "<label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
            + "<button id=\"login\" type=\"submit\">Log in</button></form>";

    /** Keeps what the server decoded in the session, then redirects (POST/redirect/GET). */
    private static Reply keep(Request req, String kind) throws IOException {
        Form form = req.form();
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
        decoded.put("fields", form.fields());
        decoded.put("files", files);
        req.session().put("last", decoded);
        return Reply.redirect("/result", 303);
    }

    private static Reply result(Request req) {
        Map<?, ?> last = req.session().get("last", Map.class);
        if (last == null) {
            return page("Result", "<p id=\"nothing\">Nothing submitted yet.</p>");
        }
        StringBuilder sb = new StringBuilder("<p id=\"kind\">").append(html(String.valueOf(last.get("kind")))).append("</p><dl>");
        for (Map.Entry<?, ?> e : ((Map<?, ?>) last.get("fields")).entrySet()) {
            for (Object v : (List<?>) e.getValue()) {
                sb.append("<dt>").append(html(e.getKey().toString())).append("</dt><dd class=\"field\" data-name=\"")
                        .append(html(e.getKey().toString())).append("\">").append(html(v.toString())).append("</dd>");
            }
        }
        sb.append("</dl><ul>");
        for (Object o : (List<?>) last.get("files")) {
            Map<?, ?> f = (Map<?, ?>) o;
            sb.append("<li class=\"file\" data-field=\"").append(html(String.valueOf(f.get("field"))))
                    .append("\" data-size=\"").append(f.get("size")).append("\" data-type=\"")
                    .append(html(String.valueOf(f.get("type")))).append("\">")
                    .append(html(String.valueOf(f.get("filename")))).append("</li>");
        }
        return page("Result", sb.append("</ul>").toString());
    }

    private static Reply login(Request req) throws IOException {
        String user = req.form().field("user");
        if (user == null || user.isBlank() || !PASSWORD.equals(req.form().field("password"))) {
            return page("Log in", "<p id=\"error\">Wrong user or password.</p>" + LOGIN).withStatus(401);
        }
        req.session().rotateId();   // a new ID after login: an ID planted before it is worthless
        req.session().put("user", user);
        return Reply.redirect("/me", 303);
    }

    private static String who(Request req) {
        String user = req.session().get("user", String.class);
        return user == null ? "<p id=\"who\">Not signed in</p>"
                : "<p id=\"who\">Signed in as <b id=\"user-name\">" + html(user) + "</b></p>";
    }

    private static Reply page(String title, String body) {
        return Reply.html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title></head><body><h1>" + html(title) + "</h1>" + body
                + "<p><a href=\"/\">Home</a></p></body></html>");
    }

    /** Returns {@code s} safe inside HTML text and double-quoted attributes, CRs kept. */
    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                // HTML parsing turns CR LF into LF (WHATWG HTML §13.2.3.5); a reference keeps the
                // CR, so the page source holds exactly what the server decoded
                case '\r': sb.append("&#13;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
