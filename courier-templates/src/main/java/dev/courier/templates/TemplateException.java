package dev.courier.templates;

/**
 * Thrown when a template is missing or fails to parse or render; the message names the template
 * and, when the library knows it, the line.
 */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;
    private final int line;

    TemplateException(String message, String template, int line, Throwable cause) {
        super(message, cause);
        this.template = template;
        this.line = line;
    }

    /** Returns the name of the template at fault (an included or parent one if the fault is there). */
    public String template() {
        return template;
    }

    /** Returns the 1-based line of the fault, or -1 when the library did not report one. */
    public int line() {
        return line;
    }
}
