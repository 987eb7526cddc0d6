package dev.courier.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw request path into its segments and percent-decodes each one (RFC 3986 §3.3,
 * §2.1).
 *
 * <p>The path is split on {@code /} <em>before</em> decoding, so {@code %2F} stays inside its
 * segment as a literal slash and can never act as a separator: {@code /a%2Fb/c} is the two
 * segments {@code "a/b"} and {@code "c"}. The leading slash starts the first segment, so
 * {@code /} is one empty segment and a trailing slash gives a last empty segment:
 * {@code /users/} is {@code "users", ""}. Decoded octets are read as UTF-8; a malformed escape
 * or malformed UTF-8 is a 400 with the bad input quoted. {@code +} is not a space in a path (it
 * is only in form-encoded queries).
 */
final class PathSegments {

    private PathSegments() {
    }

    /**
     * Returns the decoded segments of {@code rawPath}, e.g. {@code ["caf\u00e9", "x"]} for
     * {@code /caf%C3%A9/x}.
     *
     * @throws AbortException 400 if the path does not start with {@code /}, holds a
     *     malformed escape, or decodes to malformed UTF-8
     */
    static List<String> decode(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new AbortException(400, "request path must start with '/', got " + Escape.quote(rawPath));
        }
        List<String> out = new ArrayList<>(8);
        int start = 1;
        int n = rawPath.length();
        for (int i = 1; i <= n; i++) {
            if (i == n || rawPath.charAt(i) == '/') {
                out.add(decodeSegment(rawPath, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Returns the raw (still encoded) segments of {@code rawPath}, split the same way as
     * {@link #decode}; {@code rawPath} must start with {@code /}.
     */
    static List<String> split(String rawPath) {
        List<String> out = new ArrayList<>(8);
        int start = 1;
        int n = rawPath.length();
        for (int i = 1; i <= n; i++) {
            if (i == n || rawPath.charAt(i) == '/') {
                out.add(rawPath.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Returns {@code raw[from, to)} percent-decoded as UTF-8.
     *
     * @throws AbortException 400 for a {@code %} not followed by two hex digits, or for
     *     bytes that are not UTF-8
     */
    static String decodeSegment(String raw, int from, int to) {
        int firstPercent = -1;
        boolean nonAscii = false;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' && firstPercent < 0) {
                firstPercent = i;
            } else if (c > 0x7F) {
                nonAscii = true;
            }
        }
        if (firstPercent < 0 && !nonAscii) {
            return raw.substring(from, to);
        }
        // Decode into bytes first: one character may be spread over several escapes.
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 1 < to ? hexValue(raw.charAt(i + 1)) : -1;
                int lo = i + 2 < to ? hexValue(raw.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new AbortException(400, "malformed percent-escape at offset " + i + " of path segment "
                            + Escape.quote(raw.substring(from, to)) + ": '%' must be followed by two hex digits"
                            + " (write a literal '%' as %25)");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                // A raw non-ASCII character is not legal in a URI; take it as its UTF-8 form.
                int cp = raw.codePointAt(i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    throw new AbortException(400, "path segment " + Escape.quote(raw.substring(from, to))
                            + " holds a lone surrogate at offset " + i);
                }
                bytes.put(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new AbortException(400, "path segment " + Escape.quote(raw.substring(from, to))
                    + " does not decode to UTF-8; percent-encode the UTF-8 bytes of each character");
        }
    }

    /**
     * Returns {@code decoded} percent-encoded for use as one path segment: everything except
     * RFC 3986 unreserved characters is escaped, so {@code a b/c} becomes {@code a%20b%2Fc}.
     */
    static String encodeSegment(String decoded) {
        byte[] utf8 = decoded.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(utf8.length + 8);
        for (byte b : utf8) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                    || v == '-' || v == '.' || v == '_' || v == '~') {
                sb.append((char) v);
            } else {
                sb.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
