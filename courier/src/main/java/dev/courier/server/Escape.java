package dev.courier.server;

import dev.courier.internal.Text;
import java.util.Locale;

/** Escaping of untrusted text for the three places it is shown: messages, HTML and log lines. */
final class Escape {

    /** Longest excerpt of untrusted input quoted in an error message. */
    static final int MAX_QUOTE = 60;

    private Escape() {
    }

    /**
     * Returns {@code s} in double quotes with control characters, quotes and backslashes escaped
     * and cut to {@link #MAX_QUOTE} characters, safe for an exception message or a log line:
     * {@code quote("a\r\nb")} is {@code "a\r\nb"} with the escapes spelled out.
     */
    static String quote(CharSequence s) {
        return s == null ? "null" : Text.quote(s);
    }

    /**
     * Appends {@code s[from, to)} with {@code "} and {@code \} backslash-escaped and every control
     * or non-ASCII-printable character below U+00A0 written as {@code \xHH}; used for quoted
     * log fields, where a client must not be able to forge a line (Apache httpd escapes the
     * same way).
     */
    static void appendEscaped(StringBuilder sb, CharSequence s, int from, int to) {
        Text.appendEscaped(sb, s, from, to);
    }

    /**
     * Returns {@code s} safe to place in HTML text or in a double- or single-quoted attribute:
     * {@code & < > " '} become character references, e.g. {@code <script>} becomes
     * {@code &lt;script&gt;}.
     */
    static String html(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '&':
                    rep = "&amp;";
                    break;
                case '<':
                    rep = "&lt;";
                    break;
                case '>':
                    rep = "&gt;";
                    break;
                case '"':
                    rep = "&quot;";
                    break;
                case '\'':
                    rep = "&#39;";
                    break;
                default:
                    rep = null;
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
