package dev.courier.http;

/**
 * Percent-encodes the text of one URL component (RFC 3986 §2.1): characters the component allows
 * stay, everything else becomes its UTF-8 bytes as {@code %XX} with upper-case hex.
 *
 * <p>Two modes. {@link #normalize} is for text that is already meant to be a URL component:
 * valid escapes such as {@code %2F} are left alone (re-encoding them would change the meaning),
 * escapes of unreserved characters are decoded ({@code %41} is {@code A}, RFC 3986 §6.2.2.2) and
 * a lone {@code %} becomes {@code %25}. {@link #encode} is for raw text such as a file name:
 * every {@code %}, space and control character is encoded. {@code normalize} refuses control
 * characters and space instead: in a URL they are a mistake or an attack, and must never reach a
 * request line (the error gives the offset in the whole URL).
 */
final class PercentEncoder {

    /** Which characters a component allows unencoded, besides unreserved characters. */
    enum Component {
        /** path = segments joined by '/', each segment *pchar (RFC 3986 §3.3). */
        PATH(":@!$&'()*+,;=/"),
        /** One path segment: pchar without '/'. */
        PATH_SEGMENT(":@!$&'()*+,;="),
        /** query = *( pchar / "/" / "?" ) (§3.4). */
        QUERY(":@!$&'()*+,;=/?"),
        /** fragment = *( pchar / "/" / "?" ) (§3.5). */
        FRAGMENT(":@!$&'()*+,;=/?"),
        /** userinfo = *( unreserved / pct-encoded / sub-delims / ":" ) (§3.2.1). */
        USERINFO("!$&'()*+,;=:"),
        /** Raw user name or password, where ':' would be ambiguous. */
        USERINFO_PART("!$&'()*+,;=");

        private final boolean[] allowed = new boolean[128];
        private final String label;

        Component(String extra) {
            for (char c = 'a'; c <= 'z'; c++) {
                allowed[c] = true;
                allowed[c - 32] = true;
            }
            for (char c = '0'; c <= '9'; c++) {
                allowed[c] = true;
            }
            for (char c : "-._~".toCharArray()) {
                allowed[c] = true;
            }
            for (char c : extra.toCharArray()) {
                allowed[c] = true;
            }
            this.label = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        boolean allows(char c) {
            return c < 128 && allowed[c];
        }

        String label() {
            return label;
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {
    }

    /**
     * Returns {@code s[from, to)} with every character the component does not allow encoded,
     * valid escapes kept.
     *
     * @throws IllegalArgumentException for a control character, space or unpaired surrogate,
     *     naming it and its offset in {@code s}
     */
    static String normalize(String s, int from, int to, Component component) {
        return run(s, from, to, component, true);
    }

    /** Returns {@code raw} with every character the component does not allow encoded, {@code %} and space included. */
    static String encode(String raw, Component component) {
        return run(raw, 0, raw.length(), component, false);
    }

    private static String run(String s, int from, int to, Component component, boolean keepEscapes) {
        StringBuilder sb = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (component.allows(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (keepEscapes && c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                char decoded = (char) (Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                if (isUnreserved(decoded)) {
                    // RFC 3986 §6.2.2.2: an escaped unreserved character means the character
                    // itself; decoding it (as requests does) makes equal URLs compare equal.
                    if (sb == null) {
                        sb = new StringBuilder(to - from).append(s, from, i);
                    }
                    sb.append(decoded);
                } else if (sb != null) {
                    sb.append(s, i, i + 3);
                }
                i += 2;
                continue;
            }
            if (keepEscapes && (c <= 0x20 || c == 0x7F)) {
                throw new IllegalArgumentException("Invalid URL " + Ascii.quote(s) + ": " + Ascii.describe(c)
                        + " at offset " + i + " in the " + component.label() + " is not allowed"
                        + (c == ' ' ? " (encode a space as %20, or as + in a form query)"
                        : " (a control character could split the request line)"));
            }
            if (sb == null) {
                sb = new StringBuilder(to - from + 16).append(s, from, i);
            }
            if (c < 0x80) {
                appendByte(sb, c);
            } else if (c < 0x800) {
                appendByte(sb, 0xC0 | (c >> 6));
                appendByte(sb, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                appendByte(sb, 0xF0 | (cp >> 18));
                appendByte(sb, 0x80 | ((cp >> 12) & 0x3F));
                appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(sb, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Invalid URL " + Ascii.quote(s) + ": unpaired surrogate "
                        + Ascii.describe(c) + " at offset " + i + " in the " + component.label()
                        + " has no UTF-8 encoding");
            } else {
                appendByte(sb, 0xE0 | (c >> 12));
                appendByte(sb, 0x80 | ((c >> 6) & 0x3F));
                appendByte(sb, 0x80 | (c & 0x3F));
            }
        }
        return sb == null ? s.substring(from, to) : sb.toString();
    }

    /** Returns {@code s} with every valid {@code %XX} decoded and the bytes read as UTF-8; other text is kept. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int n = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && isHex((char) utf8[i + 1]) && isHex((char) utf8[i + 2])) {
                out[n++] = (byte) (Character.digit(utf8[i + 1], 16) << 4 | Character.digit(utf8[i + 2], 16));
                i += 2;
            } else {
                out[n++] = utf8[i];
            }
        }
        return Utf8.decode(out, 0, n);
    }

    /** unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 §2.3). */
    static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void appendByte(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
