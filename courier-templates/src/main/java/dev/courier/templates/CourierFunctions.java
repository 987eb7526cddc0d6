package dev.courier.templates;

import dev.courier.server.CsrfFilter;
import dev.courier.server.Flash;
import dev.courier.server.Request;
import dev.courier.server.Router;
import dev.courier.server.TemplateEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions Courier adds to Pebble, named as in Flask and Flask-WTF templates:
 * {@code url_for('user.show', id=42)}, {@code csrf_field()}, {@code csrf_token()} and
 * {@code flashed_messages()}.
 */
final class CourierFunctions extends AbstractExtension {

    private final Router router;

    CourierFunctions(Router router) {
        this.router = router;
    }

    /** Replaces Pebble's {@code numberformat} with one that keeps its formats (same output). */
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("numberformat", new NumberFormatFilter());
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url_for", new Fn("url_for", new AnyNamedArguments("name", "params"), (args, ctx) -> urlFor(args)),
                "csrf_field", new Fn("csrf_field", List.of(), (args, ctx) -> new SafeString(CsrfFilter.hiddenField(request(ctx, "csrf_field")))),
                "csrf_token", new Fn("csrf_token", List.of(), (args, ctx) -> CsrfFilter.token(request(ctx, "csrf_token"))),
                "flashed_messages", new Fn("flashed_messages", List.of(), (args, ctx) -> Flash.consume(request(ctx, "flashed_messages"))));
    }

    /**
     * Returns {@code url_for(name, ...)} as Flask spells it, {@code url_for('user.show', id=42)},
     * or with the parameters as one map, {@code url_for('user.show', {'id': 42})}.
     */
    private Object urlFor(Map<String, Object> args) {
        Object name = args.get("name");
        if (!(name instanceof String)) {
            throw new IllegalArgumentException("url_for needs a route name first, e.g. url_for('user.show', id=42)");
        }
        Object map = args.get("params");
        if (map != null && !(map instanceof Map)) {
            throw new IllegalArgumentException("url_for('" + name + "', ...): pass parameters by name, e.g. id=42,"
                    + " or as one map, e.g. {'id': 42}");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        if (map != null) {
            ((Map<?, ?>) map).forEach((k, v) -> p.put(String.valueOf(k), v));
        }
        args.forEach((k, v) -> {
            if (!k.equals("name") && !k.equals("params")) {
                p.put(k, v);
            }
        });
        return router.url((String) name, p);
    }

    /**
     * The argument names of a function that also takes any named argument, as Flask's
     * {@code url_for(endpoint, **values)}: Pebble maps positional arguments to these names in
     * order and passes a named argument only when the function's names contain it, so
     * {@code contains} says yes to every name.
     */
    static final class AnyNamedArguments extends AbstractList<String> {
        private final List<String> positional;

        AnyNamedArguments(String... positional) {
            this.positional = List.of(positional);
        }

        @Override
        public String get(int index) {
            return positional.get(index);
        }

        @Override
        public int size() {
            return positional.size();
        }

        @Override
        public boolean contains(Object name) {
            return name instanceof String;
        }
    }

    private static Request request(EvaluationContext ctx, String function) {
        Object r = ctx.getVariable(TemplateEngine.REQUEST);
        if (!(r instanceof Request)) {
            throw new IllegalStateException(function + "() needs the request: answer with Reply.render(name, model)"
                    + " on a router with templates(engine), or call render(request, name, model)");
        }
        return (Request) r;
    }

    /** A function body with its argument names (null: any, positional ones keyed by index). */
    private interface Body {
        Object apply(Map<String, Object> args, EvaluationContext ctx);
    }

    private static final class Fn implements Function {
        private final String name;
        private final List<String> names;
        private final Body body;

        Fn(String name, List<String> names, Body body) {
            this.name = name;
            this.names = names;
            this.body = body;
        }

        @Override
        public List<String> getArgumentNames() {
            return names;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx, int line) {
            try {
                return body.apply(args, ctx);
            } catch (PebbleException e) {
                throw e;
            } catch (RuntimeException e) {
                // Pebble passes a function's exception on without a place; this one knows the
                // template and line, and its "[name]" lets PebbleErrors find the column.
                throw new PebbleException(e, "Function [" + name + "] failed: " + e.getMessage(), line, self.getName());
            }
        }
    }
}
