package dev.courier.server;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders named templates to text: the small interface a template library's adapter implements
 * (Pebble in the optional {@code courier-templates} module), so handlers do not depend on the
 * library. Register one with the router, then answer with {@link Reply#render} (Flask's
 * {@code render_template}):
 *
 * <pre>{@code
 * router.templates(PebbleTemplates.builder(router).classpath("templates").build());
 * router.get("/items", req -> Reply.render("items.html", Map.of("items", items)));
 * router.post("/items", req -> Reply.render("form.html", Map.of("errors", errors)).withStatus(422));
 * String mail = router.templates().render("welcome.txt", Map.of("user", user)); // outside a handler
 * }</pre>
 *
 * <p>The request passed to {@link #render(Request, String, Map)} is in the model under
 * {@link #REQUEST}, so an adapter's template functions can reach the session (CSRF token, flash
 * messages). Adapters escape HTML by default for {@code .html} templates, throw
 * {@link RenderException} (or a subclass) naming the template, line and column of a fault, and
 * say with {@link #development()} whether the router may show such faults in the page.
 */
public interface TemplateEngine {

    /** The model key under which {@link #render(Request, String, Map)} puts the request. */
    String REQUEST = "request";

    /**
     * Returns template {@code name} rendered with {@code model}.
     *
     * @throws RenderException (or a subclass) when the template is missing or fails to parse or
     *     render; its message names the template and, where known, the line and column
     */
    String render(String name, Map<String, ?> model);

    /** Returns {@code name} rendered with {@code model} plus {@code request} under {@link #REQUEST}. */
    default String render(Request request, String name, Map<String, ?> model) {
        Objects.requireNonNull(request, "request");
        Map<String, Object> m = new HashMap<>(model);
        m.put(REQUEST, request);
        return render(name, m);
    }

    /**
     * Returns the media type of what template {@code name} renders, from its extension:
     * {@code text/html; charset=utf-8} for {@code .html} and {@code .htm}, {@code text/plain;
     * charset=utf-8} otherwise.
     */
    default String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm")
                ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    }

    /**
     * Returns true when the application is in development: a {@link Router} then answers a
     * template fault with a page showing the template, line, column, message and source lines,
     * instead of the plain 500 page. False unless the adapter is told otherwise; never turn it on
     * where strangers can reach the server, as the page shows template source.
     */
    default boolean development() {
        return false;
    }

    /**
     * Returns a 200 reply of template {@code name} rendered for {@code request} now, with its
     * content type; {@link Reply#render} does the same later, in the router, and needs no engine
     * at hand.
     */
    default Reply reply(Request request, String name, Map<String, ?> model) {
        return Reply.bytes(render(request, name, model).getBytes(StandardCharsets.UTF_8), contentType(name));
    }
}
