package dev.courier.templates;

import dev.courier.server.Router;
import dev.courier.server.TemplateEngine;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
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
 * TemplateEngine pages = PebbleTemplates.builder(router).classpath("templates").build();
 * router.get("user.show", "/users/{id}", req -> pages.reply(req, "user.html", Map.of("user", user)));
 * }</pre>
 *
 * <p><b>Escaping.</b> Templates whose name ends in {@code .html}, {@code .htm} or {@code .xml}
 * are HTML-escaped: every {@code {{ value }}} has {@code <>&"'} escaped. Trusted HTML is emitted
 * with Pebble's {@code |raw} filter, which is easy to grep for in a review. Other templates (e.g.
 * {@code .txt} mail bodies) are not escaped.
 *
 * <p><b>Functions.</b> {@code url_for('user.show', {'id': 42})} (parameters as a map literal, since
 * Pebble passes only declared named arguments) builds a path with
 * {@link Router#url}; {@code csrf_field()} gives the hidden CSRF input and {@code csrf_token()}
 * the bare token; {@code flashed_messages()} returns and consumes the request's
 * {@link dev.courier.server.Flash} messages (each has {@code category} and {@code text}). The last
 * three need the request: render with {@code render(request, name, model)} or
 * {@code reply(request, name, model)}.
 *
 * <p><b>Errors.</b> A missing template, a syntax error or a failure while rendering throws
 * {@link TemplateException} naming the template and the line (Pebble reports no column). Compiled
 * templates are cached unless {@link Builder#development} is on, which re-reads files on every
 * render so edits show at once.
 */
public final class PebbleTemplates implements TemplateEngine {

    private final PebbleEngine escaping;
    private final PebbleEngine plain;
    private final String searched;

    private PebbleTemplates(Builder b) {
        this.searched = b.searched;
        this.escaping = engine(b, true);
        this.plain = engine(b, false);
    }

    private static PebbleEngine engine(Builder b, boolean escape) {
        Loader<String> loader = b.directory != null ? new FileLoader() : new ClasspathLoader(PebbleTemplates.class.getClassLoader());
        loader.setPrefix(b.directory != null ? b.directory.toString() : b.classpathPrefix);
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(escape)
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
     * @throws TemplateException naming the template, the folder searched and the line
     */
    @Override
    public String render(String name, Map<String, ?> model) {
        Objects.requireNonNull(name, "name");
        PebbleEngine engine = escapes(name) ? escaping : plain;
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(out, new HashMap<>(model));
        } catch (LoaderException e) {
            throw new TemplateException("template " + quote(name) + " not found in " + searched + ": "
                    + e.getPebbleMessage() + "; check the name and the folder", name, -1, e);
        } catch (PebbleException e) {
            String at = e.getFileName() == null ? name : e.getFileName();
            int line = e.getLineNumber() == null ? -1 : e.getLineNumber();
            throw new TemplateException("template " + quote(at) + (line > 0 ? " line " + line : "") + ": "
                    + e.getPebbleMessage() + (at.equals(name) ? "" : " (rendering " + quote(name) + ")"), at, line, e);
        } catch (RuntimeException e) {
            throw new TemplateException("template " + quote(name) + ": " + e.getMessage(), name, -1, e);
        } catch (IOException e) {
            throw new TemplateException("template " + quote(name) + ": writing failed: " + e.getMessage(), name, -1, e);
        }
        return out.toString();
    }

    private static boolean escapes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xml");
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
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
            this.searched = "classpath folder " + quote(folder);
            return this;
        }

        /** Reads templates from files under {@code dir}; returns this builder. */
        public Builder directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            this.searched = "folder " + quote(directory.toString());
            return this;
        }

        /** Turns off the compiled-template cache so edited files show at once (off by default); returns this builder. */
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
