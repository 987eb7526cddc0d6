package dev.courier.internal;

import java.util.Locale;

/**
 * How Courier quotes bad input in error messages and log lines: escaped so that a peer cannot
 * forge a line or hide characters, and cut short so that a huge value cannot flood a log.
 * Shared by every parser so that all errors read the same way.
 */
public final class Text {

    /** Longest excerpt of input quoted in a message. */
    public static final int MAX_QUOTE = 60;

    private Text() {
    }

    /**
     * Returns {@code s} in double quotes, escaped as {@link #appendEscaped} does, cut to
     * {@link #MAX_QUOTE} characters with the full length noted: {@code "a\r\nb"}.
     */
    public static String quote(CharSequence s) {
        int n = Math.min(s.length(), MAX_QUOTE);
        StringBuilder sb = new StringBuilder(n + 8).append('"');
        appendEscaped(sb, s, 0, n);
        sb.append('"');
        if (s.length() > MAX_QUOTE) {
            sb.append("... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }

    /**
     * Appends {@code s[from, to)} with CR, LF, HTAB, {@code "} and {@code \} backslash-escaped
     * and every other C0 or C1 control character (and DEL) written as {@code \xHH}, as Apache
     * httpd escapes quoted log fields.
     */
    public static void appendEscaped(StringBuilder sb, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r':
                    sb.append("\\r");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                        sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
    }

    /** Returns a readable name for one character: {@code CR (0x0D)}, {@code ';' (0x3B)}, {@code 'é' (U+00E9)}. */
    public static String describe(char c) {
        String hex = String.format(Locale.ROOT, c > 0xFF ? "U+%04X" : "0x%02X", (int) c);
        switch (c) {
            case '\r':
                return "CR (" + hex + ")";
            case '\n':
                return "LF (" + hex + ")";
            case 0:
                return "NUL (" + hex + ")";
            case '\t':
                return "HTAB (" + hex + ")";
            case ' ':
                return "space (" + hex + ")";
            default:
                if (c < 0x20 || c == 0x7F) {
                    return "control character (" + hex + ")";
                }
                return "'" + c + "' (" + hex + ")";
        }
    }
}
