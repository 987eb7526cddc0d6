package dev.courier.templates;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pebble's {@code numberformat} filter with the same output, keeping its formats: Pebble's own
 * builds a {@link DecimalFormat} and its symbols on every call, a third of the rendering time of
 * a page with a 50-row price column (pages benchmark, JFR). Formats are kept per thread, since
 * {@code DecimalFormat} is not thread-safe, and per pattern and locale.
 *
 * <p>{@code {{ price | numberformat("0.00") }}} formats with that {@link DecimalFormat} pattern in
 * the template's locale; without a pattern, with the locale's {@link NumberFormat}. A value
 * that is not a number is an error naming the template and line, as Pebble's is.
 */
final class NumberFormatFilter implements Filter {

    /**
     * Formats kept per thread before the cache starts over: 32, far more than the patterns a
     * site's templates use, so an unbounded set of patterns (one built from data) cannot grow it.
     */
    static final int DEFAULT_MAX_FORMATS = 32;

    private static final ThreadLocal<Map<List<Object>, NumberFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    @Override
    public List<String> getArgumentNames() {
        return List.of("format");
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int lineNumber) throws PebbleException {
        if (input == null) {
            return null;
        }
        if (!(input instanceof Number)) {
            throw new PebbleException(null, "The input for the 'NumberFormat' filter has to be a number.",
                    lineNumber, self.getName());
        }
        return format((String) args.get("format"), context.getLocale()).format(input);
    }

    private static NumberFormat format(String pattern, Locale locale) {
        Map<List<Object>, NumberFormat> formats = FORMATS.get();
        List<Object> key = pattern == null ? List.of(locale) : List.of(pattern, locale);
        NumberFormat f = formats.get(key);
        if (f == null) {
            if (formats.size() >= DEFAULT_MAX_FORMATS) {
                formats.clear();
            }
            f = pattern == null ? NumberFormat.getInstance(locale) : new DecimalFormat(pattern, new DecimalFormatSymbols(locale));
            formats.put(key, f);
        }
        return f;
    }
}
