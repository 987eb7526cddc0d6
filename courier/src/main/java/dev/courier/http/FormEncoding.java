package dev.courier.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes {@code application/x-www-form-urlencoded} text, as the WHATWG URL Standard
 * defines it (section "application/x-www-form-urlencoded"): the body of an HTML form and the
 * usual shape of a query string.
 *
 * <pre>{@code
 * FormEncoding.encode("q", "café & crème", "page", "2");   // "q=caf%C3%A9+%26+cr%C3%A8me&page=2"
 * FormEncoding.decode("a=1&a=2&b");                        // [a=1, a=2, b=]
 * }</pre>
 *
 * <p>Encoding is UTF-8; space becomes {@code +}; only ASCII letters, digits and {@code * - . _}
 * stay as they are, everything else is percent-encoded with upper-case hex. Python's
 * {@code urllib.parse.urlencode} differs in two characters only: it encodes {@code *} (as
 * {@code %2A}) and leaves {@code ~} alone; both forms decode to the same text everywhere, and
 * Courier follows WHATWG because browsers, Node's {@code URLSearchParams} and servers built on
 * them do.
 *
 * <p>Decoding never fails: pairs split on {@code &}, the first {@code =} separates name from
 * value, {@code +} becomes a space, a {@code %} not followed by two hex digits is kept as is, and
 * bytes that are not UTF-8 become U+FFFD (one per maximal ill-formed
 * subsequence, as browsers and Python do). Repeated names are kept, in order.
 */
public final class FormEncoding {

    /**
     * Most fields {@link #decode(byte[])} returns before it refuses the input: 1000, the default of
     * Werkzeug's {@code max_form_parts}. It bounds the work a hostile body can cause on a server.
     */
    public static final int DEFAULT_MAX_FIELDS = 1000;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoding() {
    }

    /**
     * Returns the pairs encoded and joined with {@code &}, in order, e.g.
     * {@code encode(List.of(Map.entry("a", "1 2")))} is {@code "a=1+2"}.
     *
     * @throws IllegalArgumentException if a name or value is null
     */
    public static String encode(List<? extends Map.Entry<String, String>> pairs) {
        StringBuilder sb = new StringBuilder(pairs.size() * 16);
        for (Map.Entry<String, String> pair : pairs) {
            appendPair(sb, pair.getKey(), pair.getValue());
        }
        return sb.toString();
    }

    /**
     * Returns alternating names and values encoded, e.g. {@code encode("a", "1", "b", "2")} is
     * {@code "a=1&b=2"}.
     *
     * @throws IllegalArgumentException if the count is odd or an element is null
     */
    public static String encode(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "FormEncoding.encode needs name/value pairs, got an odd count: " + namesAndValues.length);
        }
        StringBuilder sb = new StringBuilder(namesAndValues.length * 8);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            appendPair(sb, namesAndValues[i], namesAndValues[i + 1]);
        }
        return sb.toString();
    }

    private static void appendPair(StringBuilder sb, String name, String value) {
        if (name == null) {
            throw new IllegalArgumentException("form field name is null");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of form field " + Ascii.quote(name) + " is null");
        }
        if (sb.length() > 0) {
            sb.append('&');
        }
        appendEncoded(sb, name);
        sb.append('=');
        appendEncoded(sb, value);
    }

    /**
     * Appends {@code s} form-encoded: UTF-8, space as {@code +}, an unpaired surrogate as the
     * encoding of U+FFFD (WHATWG converts strings to scalar values before encoding).
     */
    static void appendEncoded(StringBuilder sb, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isKept(c)) {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('+');
            } else if (c < 0x80) {
                appendByte(sb, c);
            } else if (c < 0x800) {
                appendByte(sb, 0xC0 | (c >> 6));
                appendByte(sb, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                appendByte(sb, 0xF0 | (cp >> 18));
                appendByte(sb, 0x80 | ((cp >> 12) & 0x3F));
                appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(sb, 0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                appendByte(sb, 0xE0 | (cp >> 12));
                appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(sb, 0x80 | (cp & 0x3F));
            }
        }
    }

    /** The characters the urlencoded percent-encode set leaves alone, besides space. */
    private static boolean isKept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '*' || c == '-' || c == '.' || c == '_';
    }

    private static void appendByte(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /**
     * Returns the name/value pairs in {@code text}, in order, e.g. {@code decode("a=1&b=%E2%82%AC")}
     * is {@code [a=1, b=€]}. Non-ASCII characters in {@code text} are taken as their UTF-8 bytes.
     *
     * @throws IllegalArgumentException if there are more than {@link #DEFAULT_MAX_FIELDS} fields
     */
    public static List<Map.Entry<String, String>> decode(String text) {
        return decode(Utf8.encode(text), DEFAULT_MAX_FIELDS);
    }

    /**
     * Returns the name/value pairs in a form body given as bytes; see {@link #decode(String)}.
     *
     * @throws IllegalArgumentException if there are more than {@link #DEFAULT_MAX_FIELDS} fields
     */
    public static List<Map.Entry<String, String>> decode(byte[] body) {
        return decode(body, DEFAULT_MAX_FIELDS);
    }

    /**
     * Returns the name/value pairs in a form body, refusing more than {@code maxFields} of them.
     *
     * @throws IllegalArgumentException naming the limit and the offset where it was passed
     */
    public static List<Map.Entry<String, String>> decode(byte[] body, int maxFields) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        byte[] buf = new byte[body.length];
        int start = 0;
        while (start <= body.length) {
            int end = start;
            int eq = -1;
            while (end < body.length && body[end] != '&') {
                if (eq < 0 && body[end] == '=') {
                    eq = end;
                }
                end++;
            }
            if (end > start) {
                if (out.size() == maxFields) {
                    throw new IllegalArgumentException("form has more than maxFields=" + maxFields
                            + " fields (field " + (maxFields + 1) + " starts at offset " + start
                            + "); pass a larger limit to FormEncoding.decode(body, maxFields) if this is expected");
                }
                String name = eq < 0 ? decodeRange(body, start, end, buf) : decodeRange(body, start, eq, buf);
                String value = eq < 0 ? "" : decodeRange(body, eq + 1, end, buf);
                out.add(Map.entry(name, value));
            }
            start = end + 1;
        }
        return Collections.unmodifiableList(out);
    }

    /** Replaces '+' by space, percent-decodes leniently (WHATWG URL "percent-decode"), then UTF-8. */
    private static String decodeRange(byte[] in, int from, int to, byte[] buf) {
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = in[i];
            if (b == '+') {
                buf[n++] = ' ';
            } else if (b == '%' && i + 2 < to && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                buf[n++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                buf[n++] = b;
            }
        }
        return Utf8.decode(buf, 0, n);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
