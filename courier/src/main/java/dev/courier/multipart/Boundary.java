package dev.courier.multipart;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Makes, checks and quotes multipart boundaries (RFC 2046 §5.1.1). */
final class Boundary {

    /** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
    static final int MAX_LENGTH = 70;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Boundary() {}

    /**
     * Returns a fresh boundary of 32 hex digits (128 random bits), the shape urllib3's
     * {@code choose_boundary} uses; guessing it to smuggle a delimiter into a part is hopeless.
     */
    static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }

    /** Returns {@code boundary} when it is valid, else throws naming the rule it breaks. */
    static String validate(String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("boundary " + (boundary == null ? "null" : Escape.quote(boundary))
                    + " must be 1 to " + MAX_LENGTH + " characters (RFC 2046 §5.1.1), got "
                    + (boundary == null ? 0 : boundary.length()) + "; leave it unset for a random one");
        }
        for (int i = 0; i < boundary.length(); i++) {
            if (!isBchar(boundary.charAt(i))) {
                throw new IllegalArgumentException("boundary " + Escape.quote(boundary) + " has character "
                        + Escape.quote(boundary.substring(i, i + 1)) + " at index " + i
                        + ", outside RFC 2046 bchars (letters, digits, space and '()+_,-./:=?)");
            }
        }
        if (boundary.charAt(boundary.length() - 1) == ' ') {
            throw new IllegalArgumentException("boundary " + Escape.quote(boundary)
                    + " ends with a space, which RFC 2046 §5.1.1 forbids");
        }
        return boundary;
    }

    static boolean isBchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "'()+_,-./:=? ".indexOf(c) >= 0;
    }

    /**
     * Returns the boundary as a {@code Content-Type} parameter value: bare when it is an RFC 9110
     * token (so urllib3's unquoted {@code boundary=...} is matched byte for byte), else quoted,
     * since ':', '/', '=', '?', '(', ')', ',' and space are not token characters.
     */
    static String paramValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!PartHeaders.isTchar(value.charAt(i))) {
                return quoted(value);
            }
        }
        return value;
    }

    /** Returns {@code value} as an RFC 9110 quoted-string. */
    static String quoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * Returns the offset in {@code content} where a line starts with {@code "--" + boundary}, or
     * -1. A receiver looks for the delimiter only at a line start (after CRLF, RFC 2046 §5.1.1;
     * some accept a bare LF, so LF counts too); the part's content itself starts a line, right
     * after the blank line that ends its headers.
     */
    static int findDelimiterLine(byte[] content, String boundary) {
        byte[] d = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int last = content.length - d.length;
        for (int i = 0; i <= last; i++) {
            if ((i == 0 || content[i - 1] == '\n') && startsWith(content, i, d)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] a, int at, byte[] prefix) {
        for (int j = 0; j < prefix.length; j++) {
            if (a[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the boundary of a {@code multipart/*} Content-Type value, or throws saying why not. */
    static String fromContentType(String contentType) {
        if (contentType == null) {
            throw new MultipartException("no Content-Type: a multipart body needs"
                    + " multipart/...; boundary=... to be decoded");
        }
        HeaderParams p = HeaderParams.parse(contentType);
        if (!p.value.startsWith("multipart/")) {
            throw new MultipartException("Content-Type " + Escape.quote(contentType)
                    + " is not multipart/*; cannot decode it as multipart");
        }
        String b = p.params.get("boundary");
        if (b == null || b.isEmpty()) {
            throw new MultipartException("Content-Type " + Escape.quote(contentType)
                    + " has no boundary parameter, which RFC 2046 §5.1.1 requires;"
                    + " the sender must add boundary=... naming the delimiter it used");
        }
        // RFC 2046 caps boundaries at 70; allow some slack for sloppy senders, but bound it.
        if (b.length() > 200) {
            throw new MultipartException("boundary in " + Escape.quote(contentType) + " is " + b.length()
                    + " characters; RFC 2046 §5.1.1 allows at most 70");
        }
        return b;
    }
}
