package dev.courier.server;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders named templates to text: the small interface a template library's adapter implements
 * (Pebble in the optional {@code courier-templates} module), so handlers do not depend on the
 * library (Flask's {@code render_template}).
 *
 * <pre>{@code
 * TemplateEngine pages = PebbleTemplates.builder(router).classpath("templates").build();
 * router.get("/items", req -> pages.reply(req, "items.html", Map.of("items", items)));
 * }</pre>
 *
 * <p>The request passed to {@link #render(Request, String, Map)} is in the model under
 * {@link #REQUEST}, so an adapter's template functions can reach the session (CSRF token, flash
 * messages). Adapters escape HTML by default for {@code .html} templates.
 */
public interface TemplateEngine {

    /** The model key under which {@link #render(Request, String, Map)} puts the request. */
    String REQUEST = "request";

    /**
     * Returns template {@code name} rendered with {@code model}.
     *
     * @throws RuntimeException of the adapter's kind when the template is missing or fails to
     *     parse or render; its message names the template and, where known, the line
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

    /** Returns a 200 reply of template {@code name} rendered for {@code request}, with its content type. */
    default Reply reply(Request request, String name, Map<String, ?> model) {
        return Reply.bytes(render(request, name, model).getBytes(StandardCharsets.UTF_8), contentType(name));
    }
}
