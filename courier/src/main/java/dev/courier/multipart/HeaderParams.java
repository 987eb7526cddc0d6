package dev.courier.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a header value of the form {@code value; name=token; name="quoted"} (RFC 9110 §5.6.6
 * parameters, as in {@code Content-Type} and {@code Content-Disposition}, RFC 6266 §4.1) into the
 * lower-cased leading value and its parameters, names lower-cased, in order.
 *
 * <p>Two quoting conventions meet here: RFC 9110 quoted-strings escape {@code "} as {@code \"},
 * while browsers, curl and urllib3 (WHATWG HTML) write {@code "} as {@code %22} and leave
 * backslashes alone, so {@code name="a\"} is a complete value ending in a backslash. A
 * {@code \"} is therefore an escaped quote only when it does not close the value (followed by
 * optional spaces and then {@code ;} or the end); a backslash is otherwise literal, which also
 * keeps Windows paths such as {@code C:\dir\a.txt} intact. A parameter without {@code =} is
 * skipped; an unquoted value runs to the next {@code ;}.
 */
final class HeaderParams {

    final String value;
    final Map<String, String> params;

    private HeaderParams(String value, Map<String, String> params) {
        this.value = value;
        this.params = Collections.unmodifiableMap(params);
    }

    static HeaderParams parse(String header) {
        int n = header.length();
        int semi = header.indexOf(';');
        int end = semi < 0 ? n : semi;
        String value = header.substring(0, end).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = end;
        // Each turn consumes at least the ';' at i, so the loop ends within n turns.
        while (i < n) {
            i++; // skip ';'
            i = skipWs(header, i);
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') {
                i++;
            }
            String name = header.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || header.charAt(i) == ';') {
                continue; // no '=': not a parameter
            }
            i = skipWs(header, i + 1);
            String v;
            if (i < n && header.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n && header.charAt(i + 1) == '"' && !closesValue(header, i + 2)) {
                        c = header.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                i++; // closing quote, if any
                v = sb.toString();
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
            } else {
                int vs = i;
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
                v = header.substring(vs, i).trim();
            }
            if (!name.isEmpty()) {
                params.putIfAbsent(name, v);
            }
        }
        return new HeaderParams(value, params);
    }

    /** Returns true when only spaces and then ';' or the end follow index {@code i}. */
    private static boolean closesValue(String s, int i) {
        int j = skipWs(s, i);
        return j == s.length() || s.charAt(j) == ';';
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Returns the RFC 8187 ext-value {@code charset'lang'pct-encoded} decoded (for example
     * {@code UTF-8''%E2%82%AC%20rates} is "€ rates"), or null when it is malformed or its charset
     * unknown, so the caller falls back to the plain parameter (RFC 6266 §4.3).
     */
    static String decodeExtValue(String ext) {
        int q1 = ext.indexOf('\'');
        int q2 = q1 < 0 ? -1 : ext.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return null;
        }
        Charset cs;
        try {
            cs = Charset.forName(ext.substring(0, q1).trim());
        } catch (RuntimeException e) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(ext.length());
        for (int i = q2 + 1; i < ext.length(); i++) {
            char c = ext.charAt(i);
            if (c == '%') {
                if (i + 2 >= ext.length()) {
                    return null;
                }
                int hi = Character.digit(ext.charAt(i + 1), 16);
                int lo = Character.digit(ext.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
            }
        }
        return new String(out.toByteArray(), cs);
    }
}
