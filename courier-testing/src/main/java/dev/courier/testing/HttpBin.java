package dev.courier.testing;

import dev.courier.http.Method;
import dev.courier.json.Json;
import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An httpbin-compatible application for tests: the same paths and the same JSON shapes as
 * httpbin 0.7 ({@code args}, {@code data}, {@code files}, {@code form}, {@code headers},
 * {@code json}, {@code method}, {@code origin}, {@code url}), served by Courier's own server.
 *
 * <pre>{@code
 * try (HttpServer bin = HttpBin.start(0); Session s = Session.create()) {
 *     Map<?, ?> echo = (Map<?, ?>) s.get(bin.url() + "/get?q=1").json();
 *     assert echo.get("args").equals(Map.of("q", "1"));
 * }
 * }</pre>
 *
 * <p>Differences from httpbin, all deliberate: {@code /bytes} and {@code /stream-bytes} use
 * {@link java.util.Random} (the same seed gives the same bytes here, not Python's bytes);
 * {@code /drip} and {@code /delay} are capped at 10 seconds; {@code /bearer} answers 401 to a
 * non-Bearer {@code Authorization} as httpbin 0.9 does; images are drawn in code
 * ({@code /image/png}, {@code /image/jpeg}, {@code /image/svg}) and WebP is not served; the HTML,
 * XML, JSON and UTF-8 sample documents are Courier's own; a status outside 200..599 on
 * {@code /status} is a 400 because Courier's handlers cannot send 1xx.
 */
public final class HttpBin {

    private static final Method[] ANY = {Method.GET, Method.POST, Method.PUT, Method.DELETE, Method.PATCH, Method.TRACE};

    private HttpBin() {
    }

    /** Returns a new router serving every httpbin endpoint; mount it with {@code HttpServer.builder().handler(...)}. */
    public static Router router() {
        Router r = new Router();
        r.get("/get", req -> json(EchoDict.of(req).pick("url", "args", "headers", "origin")));
        for (Method m : ANY) {
            r.route(m, "/anything", HttpBin::anything);
            r.route(m, "/anything/{path...}", HttpBin::anything);
        }
        r.post("/post", HttpBin::bodyEcho);
        r.put("/put", HttpBin::bodyEcho);
        r.patch("/patch", HttpBin::bodyEcho);
        r.delete("/delete", HttpBin::bodyEcho);
        r.get("/headers", req -> json(EchoDict.of(req).pick("headers")));
        r.get("/ip", req -> json(Map.of("origin", EchoDict.origin(req))));
        r.get("/user-agent", req -> json(Map.of("user-agent", nullToEmpty(req.header("User-Agent")))));
        r.get("/uuid", req -> json(Map.of("uuid", UUID.randomUUID().toString())));
        RedirectRoutes.mount(r);
        CookieRoutes.mount(r);
        AuthRoutes.mount(r);
        DataRoutes.mount(r);
        ContentRoutes.mount(r);
        CacheRoutes.mount(r);
        return r;
    }

    /**
     * Returns a started server on loopback serving {@link #router()} on {@code port} (0 picks a
     * free port; read it back with {@link HttpServer#port()}). Close it when done.
     *
     * @throws IOException if the port cannot be bound
     */
    public static HttpServer start(int port) throws IOException {
        return HttpServer.builder().port(port).handler(router()).start();
    }

    private static Reply anything(dev.courier.server.Request req) throws IOException {
        return json(EchoDict.of(req).pick("url", "args", "headers", "origin", "method", "form", "data", "files", "json"));
    }

    private static Reply bodyEcho(dev.courier.server.Request req) throws IOException {
        return json(EchoDict.of(req).pick("url", "args", "form", "data", "origin", "headers", "files", "json"));
    }

    /** Returns a 200 reply with {@code value} written as JSON with a trailing newline, like Flask's jsonify. */
    static Reply json(Object value) {
        return Reply.bytes((Json.write(sorted(value)) + "\n").getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map && !(value instanceof TreeMap)) {
            return new TreeMap<>((Map<String, Object>) value);
        }
        return value;
    }

    /**
     * Returns a 302 to {@code location} with a short HTML body, as Flask's {@code redirect} sends
     * for clients that do not follow it.
     */
    static Reply redirect(String location) {
        String html = "<!doctype html>\n<title>Redirecting</title>\n<p>Redirecting to <a href=\""
                + location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\">the target</a>.</p>\n";
        return Reply.builder(302).header("Location", location).contentType("text/html; charset=utf-8")
                .body(html.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Returns an empty reply of {@code status} typed text/html, like Flask's {@code make_response('')}. */
    static Reply.Builder emptyHtml(int status) {
        return Reply.builder(status).contentType("text/html; charset=utf-8");
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
