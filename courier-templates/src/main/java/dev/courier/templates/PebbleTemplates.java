package dev.courier.templates;

import dev.courier.server.Router;
import dev.courier.server.TemplateEngine;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TemplateEngine} on Pebble, whose syntax is Jinja2's ({@code {% extends %}},
 * {@code {% block %}}, {@code {% include %}}, {@code {% for %}}, {@code {% if %}}, filters,
 * macros), so a Flask user's templates read the same.
 *
 * <pre>{@code
 * router.templates(PebbleTemplates.builder(router).classpath("templates").build());
 * router.get("user.show", "/users/{id}", req -> Reply.render("user.html", Map.of("user", user)));
 * }</pre>
 *
 * <p><b>Escaping.</b> Templates whose name ends in {@code .html}, {@code .htm} or {@code .xml}
 * are HTML-escaped: every {@code {{ value }}} has {@code <>&"'} escaped. Trusted HTML is emitted
 * with Pebble's {@code |raw} filter, which is easy to grep for in a review. Other templates (e.g.
 * {@code .txt} mail bodies) are not escaped.
 *
 * <p><b>Functions.</b> {@code url_for('user.show', id=42)} (or with a map,
 * {@code url_for('user.show', {'id': 42})}) builds a path with {@link Router#url}; {@code csrf_field()} gives the hidden CSRF input and {@code csrf_token()}
 * the bare token; {@code flashed_messages()} returns and consumes the request's
 * {@link dev.courier.server.Flash} messages (each has {@code category} and {@code text}). The last
 * three need the request, which {@link dev.courier.server.Reply#render} replies get from the
 * router; when calling the engine yourself use {@code render(request, name, model)} or
 * {@code reply(request, name, model)}.
 *
 * <p><b>Errors.</b> A missing template, a syntax error or a failure while rendering throws
 * {@link TemplateException} naming the template, the line and, where it can be found, the column
 * (see there for when it is known); a missing one also names the folder searched and the file
 * looked for. The router logs it and answers 500; with {@link Builder#development} on, the page
 * shows the fault and its source lines. Compiled templates are cached unless development is on,
 * which re-reads files on every render so edits show at once.
 */
public final class PebbleTemplates implements TemplateEngine {

    private final PebbleEngine escaping;
    /**
     * The size to start the next page's writer at: the last page's, plus an eighth. Written by
     * any rendering thread without a lock; a stale value only costs an array copy.
     */
    private int nextPageChars = PageWriter.INITIAL_CHARS;
    private final PebbleEngine plain;
    private final PebbleErrors errors;
    private final boolean development;

    private PebbleTemplates(Builder b) {
        this.escaping = engine(b, true);
        this.plain = engine(b, false);
        this.errors = new PebbleErrors(loader(b), b.searched, b.directory == null ? b.classpathPrefix : null, b.directory);
        this.development = b.development;
    }

    private static Loader<String> loader(Builder b) {
        Loader<String> loader = b.directory != null ? new FileLoader() : new ClasspathLoader(PebbleTemplates.class.getClassLoader());
        loader.setPrefix(b.directory != null ? b.directory.toString() : b.classpathPrefix);
        return loader;
    }

    private static PebbleEngine engine(Builder b, boolean escape) {
        return new PebbleEngine.Builder()
                .loader(loader(b))
                .autoEscaping(escape)
                // Same output as Pebble's own "html" strategy, without its per-character appends.
                .addEscapingStrategy("html", new HtmlEscaping())
                .cacheActive(!b.development)
                .extension(new CourierFunctions(b.router))
                .build();
    }

    /** Returns a builder whose {@code url_for} uses {@code router}'s named routes. */
    public static Builder builder(Router router) {
        return new Builder(Objects.requireNonNull(router, "router"));
    }

    /**
     * Returns template {@code name} rendered with {@code model}.
     *
     * @throws TemplateException naming the template, the line and column where known, and for a
     *     missing template the folder searched
     */
    @Override
    public String render(String name, Map<String, ?> model) {
        Objects.requireNonNull(name, "name");
        PebbleEngine engine = escapes(name) ? escaping : plain;
        // Sized by the last page rendered, so a page is usually written without growing the array.
        PageWriter out = new PageWriter(nextPageChars);
        try {
            engine.getTemplate(name).evaluate(out, new HashMap<>(model));
        } catch (IOException | RuntimeException e) {
            throw errors.translate(e, name);
        }
        nextPageChars = out.length() + out.length() / 8;
        return out.toString();
    }

    /** Returns true when built with {@link Builder#development}: the router then shows template faults in the page. */
    @Override
    public boolean development() {
        return development;
    }

    private static boolean escapes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xml");
    }

    /** Builds {@link PebbleTemplates}: choose where templates come from, then {@link #build}. */
    public static final class Builder {

        private final Router router;
        private Path directory;
        private String classpathPrefix = "templates";
        private String searched = "classpath folder \"templates\"";
        private boolean development;

        private Builder(Router router) {
            this.router = router;
        }

        /** Reads templates from the class path under {@code folder} (default {@code templates}); returns this builder. */
        public Builder classpath(String folder) {
            this.classpathPrefix = Objects.requireNonNull(folder, "folder");
            this.directory = null;
            this.searched = "classpath folder " + PebbleErrors.quote(folder);
            return this;
        }

        /** Reads templates from files under {@code dir}; returns this builder. */
        public Builder directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            this.searched = "folder " + PebbleErrors.quote(directory.toString());
            return this;
        }

        /**
         * Turns development mode on or off (off by default) and returns this builder: the
         * compiled-template cache is off so edited files show at once, and a {@link Router} whose
         * engine this is shows template faults (template, line, column, message, source lines)
         * in the 500 page. Never turn it on where strangers can reach the server.
         */
        public Builder development(boolean on) {
            this.development = on;
            return this;
        }

        /** Returns the engine. */
        public PebbleTemplates build() {
            return new PebbleTemplates(this);
        }
    }
}
