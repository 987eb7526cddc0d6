package dev.courier.server;

import dev.courier.http.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Dispatches requests to handlers by method and path, with path parameters, filters, error
 * handlers and route groups; a router is itself a {@link Handler}, the one a server runs.
 *
 * <pre>{@code
 * Router router = new Router()
 *     .get("/users/{id}", req -> Reply.text("user " + req.pathParamLong("id")))
 *     .get("/files/{path...}", req -> Reply.text(req.pathParam("path")))
 *     .group("/api", api -> api
 *         .before(req -> req.header("Authorization") == null ? Reply.status(401) : null)
 *         .post("/users", req -> Reply.status(201)))
 *     .after((req, reply) -> reply.withHeader("X-Frame-Options", "DENY"))
 *     .status(404, (req, reply) -> Reply.html("<h1>Not here</h1>").withStatus(404));
 * }</pre>
 *
 * <p><b>Patterns.</b> A pattern is a path whose segments are literals, parameters
 * ({@code {id}}: one non-empty segment) or, last only, a catch-all ({@code {path...}}: one or
 * more segments, so {@code /files/{path...}} matches {@code /files/} with {@code path=""} but not
 * {@code /files}). Matching is on percent-decoded segments, and an encoded slash ({@code %2F})
 * stays inside its segment. A trailing slash is significant: {@code /users} and {@code /users/}
 * are different paths, and no redirect is made between them. Dot segments are not removed:
 * {@code /a/../b} is the three segments {@code a}, {@code ..}, {@code b} and does not reach
 * {@code /b}.
 *
 * <p><b>Precedence.</b> Literal beats parameter beats catch-all, independent of registration
 * order. Segments are compared from the left, and at the first segment where two patterns
 * differ the more specific kind wins: for {@code /a/b/c}, {@code /a/{x}/c} beats
 * {@code /{y}/b/c}. The method takes part: the most specific pattern that has a route for the
 * request's method wins, so with {@code POST /users/me} and {@code GET /users/{id}},
 * {@code GET /users/me} reaches the second. Registering a second route with the same shape (the
 * same literals, parameters in the same places whatever their names) and the same method fails
 * at once, naming both patterns.
 *
 * <p><b>Methods.</b> A GET route also answers HEAD (the server drops the body). OPTIONS is
 * answered automatically with 204 and {@code Allow} unless an OPTIONS route matches. A path that
 * matches only with other methods gets 405 with {@code Allow} listing the methods of every
 * pattern that matches it (plus HEAD with GET, and OPTIONS); no match at all gets 404.
 *
 * <p><b>Order of work for one request.</b> 1. decode the path (400 if malformed); 2. match the
 * route, so filters can read path parameters; 3. run the before filters whose scope contains the
 * path, in registration order, until one returns a reply; 4. otherwise call the handler, or make
 * the 404/405/automatic OPTIONS reply; 5. map an exception to a reply (below); 6. run the after
 * filters in scope, in registration order, on whatever reply came out, error replies included.
 * A {@link Reply#render} reply is rendered by the {@link #templates(TemplateEngine) engine} as
 * soon as a handler, exception handler, status handler or after filter returns it, so after
 * filters see the page and the session changes a template makes are saved.
 *
 * <p><b>Errors.</b> An exception from a handler or filter goes to the {@link #exception}
 * handler registered for its class or the nearest superclass (the most specific class wins).
 * {@link AbortException} only goes to handlers for its own class hierarchy (so a catch-all
 * handler for {@code Exception} does not turn a deliberate 400 into something else) and
 * otherwise becomes a text reply with its status and message. Any other unhandled exception
 * becomes a 500 with no details, and is logged with its stack trace. The router's own error
 * replies (400, 404, 405, 500 and those of {@link AbortException}) then pass through the
 * {@link #status} handler for their status, if any. A {@link RenderException} (a template
 * that is missing or fails) that no exception handler takes is logged with the template, line and column; the client gets the
 * plain 500, or, when the engine is in development mode, a page showing the fault and its source
 * lines.
 *
 * <p><b>Named routes.</b> Give a route a name with the overloads that take one first
 * ({@code get("user.show", "/users/{id}", handler)}, or {@link #route(String, Method, String,
 * Handler)}), then build its path with {@link #url}: {@code url("user.show", Map.of("id", 42))}
 * is {@code /users/42}. Each value fills exactly one segment, percent-encoded, so {@code a/b},
 * {@code ?}, {@code #} and {@code ..} cannot escape it; a catch-all keeps its {@code /}s. A name
 * may be given to several methods of the same pattern, not to two patterns. Names inside a group
 * are not prefixed; the path built includes the group prefix.
 *
 * <p><b>Groups.</b> {@link #group} gives a view of the same router whose patterns and filters are
 * under a prefix; error and status handlers are router-wide even when registered on a group.
 *
 * <p><b>Lifecycle.</b> Register everything, then serve: the first {@link #handle} call freezes
 * the router, and registering afterwards throws {@link IllegalStateException}. After that the
 * router is read-only and safe for any number of threads.
 */
public final class Router implements Handler {


    private final RouterState state;
    /** The group prefix without trailing slash; "" for the root router. */
    private final String prefix;

    /** Creates an empty router: every request gets 404 until routes are added. */
    public Router() {
        this(new RouterState(), "");
    }

    private Router(RouterState state, String prefix) {
        this.state = state;
        this.prefix = prefix;
    }

    /** Adds a GET route (which also answers HEAD) and returns this router. */
    public Router get(String pattern, Handler handler) {
        return route(Method.GET, pattern, handler);
    }

    /** Adds a POST route and returns this router. */
    public Router post(String pattern, Handler handler) {
        return route(Method.POST, pattern, handler);
    }

    /** Adds a PUT route and returns this router. */
    public Router put(String pattern, Handler handler) {
        return route(Method.PUT, pattern, handler);
    }

    /** Adds a PATCH route and returns this router. */
    public Router patch(String pattern, Handler handler) {
        return route(Method.PATCH, pattern, handler);
    }

    /** Adds a DELETE route and returns this router. */
    public Router delete(String pattern, Handler handler) {
        return route(Method.DELETE, pattern, handler);
    }

    /** Adds a GET route named {@code name} (see {@link #url}) and returns this router. */
    public Router get(String name, String pattern, Handler handler) {
        return route(name, Method.GET, pattern, handler);
    }

    /** Adds a POST route named {@code name} (see {@link #url}) and returns this router. */
    public Router post(String name, String pattern, Handler handler) {
        return route(name, Method.POST, pattern, handler);
    }

    /** Adds a PUT route named {@code name} (see {@link #url}) and returns this router. */
    public Router put(String name, String pattern, Handler handler) {
        return route(name, Method.PUT, pattern, handler);
    }

    /** Adds a PATCH route named {@code name} (see {@link #url}) and returns this router. */
    public Router patch(String name, String pattern, Handler handler) {
        return route(name, Method.PATCH, pattern, handler);
    }

    /** Adds a DELETE route named {@code name} (see {@link #url}) and returns this router. */
    public Router delete(String name, String pattern, Handler handler) {
        return route(name, Method.DELETE, pattern, handler);
    }

    /** Adds a HEAD route, which takes precedence over the GET route's implied HEAD. */
    public Router head(String pattern, Handler handler) {
        return route(Method.HEAD, pattern, handler);
    }

    /** Adds an OPTIONS route, which replaces the automatic OPTIONS answer for its paths. */
    public Router options(String pattern, Handler handler) {
        return route(Method.OPTIONS, pattern, handler);
    }

    /**
     * Adds a route for {@code method} and {@code pattern} (relative to the group prefix, if any)
     * and returns this router.
     *
     * @throws IllegalArgumentException for a malformed pattern, or one that conflicts with an
     *     existing route (the message names both)
     * @throws IllegalStateException if the router already serves requests
     */
    public Router route(Method method, String pattern, Handler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        checkNotFrozen();
        state.routes.add(new RouteTable.Route(method, RoutePattern.parse(join(pattern)), handler));
        return this;
    }

    /**
     * Adds a route as {@link #route(Method, String, Handler)} does, named {@code name} for
     * {@link #url}, and returns this router.
     *
     * @throws IllegalArgumentException also when {@code name} is empty or already names another
     *     pattern (the message names both patterns)
     */
    public Router route(String name, Method method, String pattern, Handler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        checkNotFrozen();
        RoutePattern parsed = RoutePattern.parse(join(pattern));
        state.routes.add(new RouteTable.Route(method, parsed, handler));
        state.names.add(name, parsed);
        return this;
    }

    /**
     * Returns the path of the route named {@code name} with {@code params} filled in, each value
     * ({@code toString()}) percent-encoded as one path segment: with {@code "user.show"} naming
     * {@code /users/{id}}, {@code url("user.show", Map.of("id", "a/b?"))} is
     * {@code /users/a%2Fb%3F}. A catch-all value keeps its {@code /}s and has each piece encoded.
     * Safe from any thread once the router serves.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones), a missing or
     *     null parameter, a parameter the pattern does not have, or an empty value for a
     *     one-segment parameter; the message names them
     */
    public String url(String name, Map<String, ?> params) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        return state.names.url(name, params);
    }

    /** Returns the path of the route named {@code name}, which has no parameters; see {@link #url(String, Map)}. */
    public String url(String name) {
        return url(name, Map.of());
    }

    /**
     * Serves {@code files} for GET and HEAD under {@code prefix} and returns this router:
     * {@code staticFiles("/assets", files)} answers {@code /assets/css/site.css} with the file
     * {@code css/site.css} under the root, and redirects {@code /assets} to {@code /assets/}.
     * More specific routes under the prefix still win (literal beats catch-all).
     */
    public Router staticFiles(String prefix, StaticFiles files) {
        Objects.requireNonNull(files, "files");
        String p = normalizePrefix(prefix);
        Handler serve = files.handler(under(p));
        get(p + "/{staticPath...}", serve);
        if (!under(p).isEmpty()) {
            get(p, req -> {
                List<String> raw = PathSegments.split(req.path());
                return Reply.redirect(raw.get(raw.size() - 1) + "/", 301);
            });
        }
        return this;
    }

    /**
     * Registers the routes and filters that {@code routes} adds to its argument under
     * {@code prefix}, and returns this router: {@code group("/api", g -> g.get("/users", h))}
     * routes {@code GET /api/users}; {@code g.get("", h)} is {@code /api} itself. Groups nest.
     */
    public Router group(String prefix, Consumer<Router> routes) {
        checkNotFrozen();
        routes.accept(new Router(state, under(prefix)));
        return this;
    }

    /** Adds a before filter for every request (within this group, for a group). */
    public Router before(BeforeFilter filter) {
        return before("", filter);
    }

    /**
     * Adds a before filter for requests whose path starts with {@code prefix} segment by segment
     * ({@code /admin} covers {@code /admin} and {@code /admin/x}, not {@code /administrator}).
     */
    public Router before(String prefix, BeforeFilter filter) {
        Objects.requireNonNull(filter, "filter");
        checkNotFrozen();
        state.before.add(new RouterState.ScopedFilter<>(scope(prefix), filter));
        return this;
    }

    /** Adds an after filter for every request (within this group, for a group). */
    public Router after(AfterFilter filter) {
        return after("", filter);
    }

    /** Adds an after filter for requests under {@code prefix}, as for {@link #before(String, BeforeFilter)}. */
    public Router after(String prefix, AfterFilter filter) {
        Objects.requireNonNull(filter, "filter");
        checkNotFrozen();
        state.after.add(new RouterState.ScopedFilter<>(scope(prefix), filter));
        return this;
    }

    /**
     * Handles exceptions of {@code type} and its subclasses, unless a handler for a more specific
     * class exists; replaces an earlier handler for exactly {@code type}.
     */
    public <T extends Exception> Router exception(Class<T> type, ExceptionHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        checkNotFrozen();
        state.exceptionHandlers.put(type, handler);
        return this;
    }

    /**
     * Replaces the router's own error replies with {@code status} (see {@link StatusHandler})
     * by what {@code handler} returns, e.g. a custom 404 page.
     */
    public Router status(int status, StatusHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status handlers are for error statuses 400..599, got " + status);
        }
        checkNotFrozen();
        state.statusHandlers.put(status, handler);
        return this;
    }

    /**
     * Makes {@code engine} render the {@link Reply#render} replies of this router (router-wide,
     * also when called on a group) and returns this router:
     * {@code router.templates(PebbleTemplates.builder(router).build())}. When the engine is in
     * {@linkplain TemplateEngine#development() development mode}, a failing template's 500 page
     * shows where and why (see {@link RenderException}).
     *
     * @throws IllegalStateException if the router already serves requests
     */
    public Router templates(TemplateEngine engine) {
        Objects.requireNonNull(engine, "engine");
        checkNotFrozen();
        state.templates = engine;
        return this;
    }

    /**
     * Returns the engine given to {@link #templates(TemplateEngine)}, or null, e.g. to render a
     * mail body outside a handler: {@code router.templates().render("mail.txt", model)}.
     */
    public TemplateEngine templates() {
        return state.templates;
    }

    /**
     * Returns the reply to {@code request}, following the order of work in the class comment;
     * never throws for anything a handler or filter does, and never returns null.
     */
    @Override
    public Reply handle(Request request) {
        if (!state.frozen) {
            state.frozen = true; // a read, not a write, per request once frozen: no shared cache-line traffic
        }
        return new Dispatch(state, request).run();
    }

    /** Sends this router's error log (handler failures with their stack) to {@code logger}; for tests. */
    Router logger(System.Logger logger) {
        state.logger = Objects.requireNonNull(logger, "logger");
        return this;
    }

    /** Returns what the table finds for {@code method} and {@code rawPath}; for tests. */
    RouteMatch match(Method method, String rawPath) {
        return state.routes.match(method, PathSegments.decode(rawPath));
    }

    private void checkNotFrozen() {
        if (state.frozen) {
            throw new IllegalStateException("the router already serves requests; register routes, filters and"
                    + " handlers before the first request");
        }
    }

    /** Returns {@code pattern} under this router's prefix; "" means the prefix itself. */
    private String join(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("route pattern is empty; the root is \"/\"");
            }
            return prefix;
        }
        if (pattern.charAt(0) != '/') {
            throw new IllegalArgumentException("route pattern must start with '/', got " + Escape.quote(pattern));
        }
        return prefix + pattern;
    }

    /** Returns {@code p} with its trailing slashes removed: "/api/" and "/api" are one prefix. */
    private static String normalizePrefix(String p) {
        Objects.requireNonNull(p, "prefix");
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /** Returns {@code p} (a group or filter prefix) under this router's prefix. */
    private String under(String p) {
        String normalized = normalizePrefix(p);
        return normalized.isEmpty() ? prefix : join(normalized);
    }

    private RoutePattern scope(String filterPrefix) {
        String full = under(filterPrefix);
        return full.isEmpty() ? null : RoutePattern.parse(full);
    }
}
