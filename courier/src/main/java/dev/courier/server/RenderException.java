package dev.courier.server;

import java.util.Objects;

/**
 * Thrown by a {@link TemplateEngine} when a template is missing or fails to parse or render;
 * it says where: the template at fault, and the line and column when the engine knows them.
 *
 * <pre>{@code
 * throw new RenderException("Unexpected tag name \"endfor\"", "items.html", 12, 4, source, cause);
 * // message: template "items.html" line 12 column 4: Unexpected tag name "endfor"
 * }</pre>
 *
 * <p>A {@link Router} that meets one (from a {@link Reply#render} reply or a handler's own
 * {@code engine.reply(...)}) logs the message with the stack and answers 500: in production a
 * plain page without internals, and when its {@link Router#templates engine} is in
 * {@linkplain TemplateEngine#development() development mode} a page showing the template, line,
 * column, message and the source lines around the fault. Adapters throw this class or a
 * subclass so the router can do that without knowing the template library.
 */
public class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;
    private final String detail;
    private final int line;
    private final int column;
    private final String source;

    /**
     * Creates the exception for a fault in {@code template} at {@code line} and {@code column}
     * (both 1-based, or -1 when unknown), described by {@code detail}; {@code source} is the
     * template's text for the development page, or null when it could not be read.
     *
     * @throws IllegalArgumentException for a line or column below 1 other than -1, or a column
     *     without a line
     */
    public RenderException(String detail, String template, int line, int column, String source, Throwable cause) {
        super(location(template, line, column) + ": " + detail, cause);
        if ((line < 1 && line != -1) || (column < 1 && column != -1)) {
            throw new IllegalArgumentException("line and column are 1-based, or -1 when unknown; got line "
                    + line + " column " + column);
        }
        if (line == -1 && column != -1) {
            throw new IllegalArgumentException("a column (" + column + ") needs a line; give the line or -1 for both");
        }
        this.template = template;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.line = line;
        this.column = column;
        this.source = source;
    }

    /** Returns the name of the template at fault (an included or parent one if the fault is there). */
    public String template() {
        return template;
    }

    /** Returns what went wrong, without the location, e.g. {@code Unexpected tag name "endfor"}. */
    public String detail() {
        return detail;
    }

    /** Returns the 1-based line of the fault, or -1 when the engine did not find it. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column (in characters of the line) of the fault, or -1 when unknown. */
    public int column() {
        return column;
    }

    /** Returns the text of {@link #template()}, or null when the engine could not read it. */
    public String source() {
        return source;
    }

    /**
     * Returns where the fault is, as the message starts: {@code template "a.html" line 3 column 7},
     * {@code template "a.html" line 3 (column unknown)} or {@code template "a.html"}.
     */
    public String location() {
        return location(template, line, column);
    }

    private static String location(String template, int line, int column) {
        Objects.requireNonNull(template, "template");
        StringBuilder sb = new StringBuilder("template ").append(Escape.quote(template));
        if (line > 0) {
            sb.append(" line ").append(line).append(column > 0 ? " column " + column : " (column unknown)");
        }
        return sb.toString();
    }
}
