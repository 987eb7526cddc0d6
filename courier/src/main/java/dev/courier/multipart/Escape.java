package dev.courier.multipart;

/** Quotes input for error messages: escaped, cut short, so a message stays one readable line. */
final class Escape {

    /** Longest input shown in an error message; enough to recognise it, short enough for a log. */
    static final int MAX_SHOWN = 60;

    private Escape() {}

    /** Returns {@code s} in double quotes with controls and non-ASCII escaped, cut at MAX_SHOWN. */
    static String quote(CharSequence s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
        int n = Math.min(s.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            appendChar(sb, s.charAt(i));
        }
        sb.append('"');
        if (s.length() > MAX_SHOWN) {
            sb.append("... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }

    /** Returns bytes {@code [off, off+len)} quoted like {@link #quote}, bytes >= 0x80 as \xNN. */
    static String quote(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder().append('"');
        int n = Math.min(len, MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            int c = b[off + i] & 0xff;
            if (c >= 0x80) {
                sb.append(String.format("\\x%02x", c));
            } else {
                appendChar(sb, (char) c);
            }
        }
        sb.append('"');
        if (len > MAX_SHOWN) {
            sb.append("... (").append(len).append(" bytes)");
        }
        return sb.toString();
    }

    private static void appendChar(StringBuilder sb, char c) {
        if (c == '\r') {
            sb.append("\\r");
        } else if (c == '\n') {
            sb.append("\\n");
        } else if (c == '\t') {
            sb.append("\\t");
        } else if (c == '"' || c == '\\') {
            sb.append('\\').append(c);
        } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
        } else {
            sb.append(c);
        }
    }
}
