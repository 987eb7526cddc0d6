package dev.courier.templates;

import dev.courier.server.RenderException;

/**
 * Thrown by {@link PebbleTemplates} when a template is missing or fails to parse or render; the
 * message names the template and, when known, the line and column, e.g.
 * {@code template "items.html" line 3 column 7: Unexpected tag name "endif"}.
 *
 * <p>Pebble reports the template and line of parse errors and of most rendering errors, but
 * never a column. The column is found by {@link PebbleTemplates} itself: when Pebble's message
 * names the offending text (a token value such as {@code "%}"}, a tag name, or a filter,
 * function, test or variable name in brackets) and that text occurs exactly once on the reported
 * line, the column is where it starts; otherwise {@link #column()} is -1. Errors thrown by Java
 * code that Pebble calls (a filter's or a getter's exception) often come without a line; then
 * both are -1. A missing template has no line, unless the template being rendered includes or
 * extends it by that name, which then gives the line and column of the name.
 */
public final class TemplateException extends RenderException {

    private static final long serialVersionUID = 2L;

    TemplateException(String detail, String template, int line, int column, String source, Throwable cause) {
        super(detail, template, line, column, source, cause);
    }
}
