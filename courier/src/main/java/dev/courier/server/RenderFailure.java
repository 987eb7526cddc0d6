package dev.courier.server;

/**
 * What a {@link Router} does with a {@link RenderException} no handler took: find it in the
 * exception's causes, write its log line, and build the development page (Werkzeug's debugger
 * page, reduced to the template fault).
 */
final class RenderFailure {

    /**
     * Source lines shown before and after the faulty one: enough to see the enclosing block in
     * most templates, a screenful with the message (Werkzeug's traceback shows about as many).
     */
    static final int CONTEXT_LINES = 3;

    /** How deep the cause chain is searched; wrappers seldom nest more than two or three deep. */
    private static final int MAX_CAUSE_DEPTH = 8;

    private RenderFailure() {
    }

    /** Returns {@code e} or the nearest of its causes that is a {@link RenderException}, or null. */
    static RenderException find(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof RenderException) {
                return (RenderException) t;
            }
        }
        return null;
    }

    /**
     * Returns the log line for {@code e}, e.g. {@code template "a.html" line 3 column 7:
     * Unexpected tag name "endif"}, on one line: a message may quote request data, so control
     * characters are written as {@code \xHH} and cannot forge log lines.
     */
    static String logLine(RenderException e) {
        String m = e.getMessage();
        StringBuilder sb = new StringBuilder(m.length() + 8);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Returns the 500 page of development mode for {@code e}: template, line, column, message
     * and the source lines around the fault with a caret under the column, all HTML-escaped
     * (the message and source may hold model values or markup). Marked {@code no-store} so a
     * proxy never keeps it.
     */
    static Reply developmentPage(RenderException e) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Template error: ")
                .append(Escape.html(e.template())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow:auto}")
                .append(".fault{background:#fdd}</style></head><body>\n")
                .append("<h1>Template error</h1>\n<p>template <code>").append(Escape.html(e.template()))
                .append("</code>, line ").append(e.line() > 0 ? Integer.toString(e.line()) : "unknown")
                .append(", column ").append(e.column() > 0 ? Integer.toString(e.column()) : "unknown")
                .append("</p>\n<pre class=\"message\">").append(Escape.html(e.detail())).append("</pre>\n");
        if (e.source() != null && e.line() > 0) {
            appendExcerpt(sb, e.source(), e.line(), e.column());
        }
        sb.append("<p>Shown because the template engine is in development mode;"
                + " in production the client gets a plain 500 page.</p>\n</body></html>\n");
        return Reply.builder(500).contentType(Reply.HTML_UTF8).header("Cache-Control", "no-store")
                .body(Dispatch.bytes(sb.toString())).build();
    }

    /** Appends lines {@code line - CONTEXT_LINES .. line + CONTEXT_LINES} of {@code source}, numbered. */
    private static void appendExcerpt(StringBuilder sb, String source, int line, int column) {
        int first = Math.max(1, line - CONTEXT_LINES);
        int last = line + CONTEXT_LINES;
        int width = Integer.toString(last).length();
        sb.append("<pre class=\"source\">");
        int start = 0;
        // Bounded by the source's length: each pass moves start past one line end.
        for (int n = 1; n <= last && start <= source.length(); n++) {
            int end = source.indexOf('\n', start);
            int next = end < 0 ? source.length() + 1 : end + 1;
            if (end < 0) {
                end = source.length();
            }
            if (end > start && source.charAt(end - 1) == '\r') {
                end--;
            }
            if (n >= first) {
                String text = source.substring(start, end);
                String number = Integer.toString(n);
                String mark = n == line ? "&gt; " : "  ";
                sb.append(n == line ? "<span class=\"fault\">" : "").append(mark)
                        .append(" ".repeat(width - number.length())).append(number).append("  ")
                        .append(Escape.html(text)).append(n == line ? "</span>\n" : "\n");
                if (n == line && column > 0 && column <= text.length() + 1) {
                    sb.append(" ".repeat(2 + width + 2)).append(caretIndent(text, column)).append("^\n");
                }
            }
            start = next;
        }
        sb.append("</pre>\n");
    }

    /** Returns the blanks before the caret: tabs kept where the line has them, so it lines up. */
    private static String caretIndent(String text, int column) {
        StringBuilder sb = new StringBuilder(column);
        for (int i = 0; i < column - 1; i++) {
            sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.toString();
    }
}
