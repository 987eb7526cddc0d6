package dev.courier.server;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A template engine for tests, with no template library: templates are strings in a map where
 * {@code {{key}}} is the model's value (HTML-escaped for {@code .html}), {@code {{path}}} the
 * request's path and {@code {{csrf}}} the session's CSRF token; {@code {% boom %}} fails with a
 * {@link RenderException} at its line and column, as a real adapter reports a parse error.
 */
final class FakeTemplates implements TemplateEngine {

    private final Map<String, String> templates = new HashMap<>();
    private final boolean development;
    int renders;

    FakeTemplates(boolean development) {
        this.development = development;
    }

    /** Adds template {@code name} with {@code text} and returns this engine. */
    FakeTemplates with(String name, String text) {
        templates.put(name, text);
        return this;
    }

    @Override
    public boolean development() {
        return development;
    }

    @Override
    public String render(String name, Map<String, ?> model) {
        renders++;
        String text = templates.get(name);
        if (text == null) {
            throw new RenderException("not found among " + templates.keySet(), name, -1, -1, null, null);
        }
        boolean html = name.toLowerCase(Locale.ROOT).endsWith(".html");
        StringBuilder out = new StringBuilder();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{% boom %}", i)) {
                throw new RenderException("Unexpected tag name \"boom\" <b>here</b>", name, line, i - lineStart + 1,
                        text, new IllegalArgumentException("parser says no"));
            }
            if (text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i);
                String key = text.substring(i + 2, end);
                String value = value(key, model);
                out.append(html ? Escape.html(value) : value);
                i = end + 2;
                continue;
            }
            char c = text.charAt(i++);
            out.append(c);
            if (c == '\n') {
                line++;
                lineStart = i;
            }
        }
        return out.toString();
    }

    private static String value(String key, Map<String, ?> model) {
        Request request = (Request) model.get(REQUEST);
        switch (key) {
            case "path":
                return request.path();
            case "csrf":
                return CsrfFilter.token(request);
            default:
                return String.valueOf(model.get(key));
        }
    }
}
