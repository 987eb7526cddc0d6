package dev.courier.wire;

import dev.courier.internal.Text;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Byte classes of RFC 9110/9112 as lookup tables, and the escaping used in error messages. */
final class WireChars {

    /** Longest excerpt of bad input quoted in an error message. */
    static final int MAX_QUOTE = 60;

    private static final int TCHAR = 1;
    /** field-vchar / obs-text / SP / HTAB: what a field value may hold (RFC 9110 §5.5). */
    private static final int VALUE = 2;
    /** Visible ASCII: what h11 and RFC 3986 allow in a request-target (RFC 9112 §3.2). */
    private static final int TARGET = 4;
    private static final int HEX = 8;

    private static final byte[] CLASS = new byte[256];
    /** ASCII lower case of each byte; other bytes map to themselves. */
    static final byte[] LOWER = new byte[256];
    /** Value of a hex digit, or -1. */
    static final byte[] HEX_VALUE = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            LOWER[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
            HEX_VALUE[b] = -1;
            int c = 0;
            if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
                    || "!#$%&'*+-.^_`|~".indexOf(b) >= 0) {
                c |= TCHAR;
            }
            if (b == '\t' || (b >= 0x20 && b != 0x7F)) {
                c |= VALUE;
            }
            if (b > 0x20 && b < 0x7F) {
                c |= TARGET;
            }
            if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')) {
                c |= HEX;
                HEX_VALUE[b] = (byte) Character.digit(b, 16);
            }
            CLASS[b] = (byte) c;
        }
    }

    private WireChars() {
    }

    static boolean isTchar(byte b) {
        return (CLASS[b & 0xFF] & TCHAR) != 0;
    }

    static boolean isValueByte(byte b) {
        return (CLASS[b & 0xFF] & VALUE) != 0;
    }

    static boolean isTargetByte(byte b) {
        return (CLASS[b & 0xFF] & TARGET) != 0;
    }

    static boolean isTchar(char c) {
        return c < 256 && (CLASS[c] & TCHAR) != 0;
    }

    /** Returns a readable name of one byte, e.g. {@code CR (0x0D)} or {@code 'x' (0x78)}. */
    static String describe(int b) {
        b &= 0xFF;
        String hex = String.format(Locale.ROOT, "0x%02X", b);
        switch (b) {
            case '\r':
                return "CR (" + hex + ")";
            case '\n':
                return "LF (" + hex + ")";
            case 0:
                return "NUL (" + hex + ")";
            case '\t':
                return "HTAB (" + hex + ")";
            case ' ':
                return "SP (" + hex + ")";
            default:
                if (b < 0x20 || b >= 0x7F) {
                    return "byte " + hex;
                }
                return "'" + (char) b + "' (" + hex + ")";
        }
    }

    /**
     * Returns {@code len} bytes of {@code buf} in double quotes, control and non-ASCII bytes
     * escaped and cut to {@link #MAX_QUOTE}, safe to put into a log line.
     */
    static String quote(byte[] buf, int off, int len) {
        int n = Math.min(len, Text.MAX_QUOTE);
        StringBuilder sb = new StringBuilder(n + 16).append('"');
        Text.appendEscaped(sb, new String(buf, off, n, StandardCharsets.ISO_8859_1), 0, n);
        sb.append('"');
        if (len > Text.MAX_QUOTE) {
            sb.append("... (").append(len).append(" bytes)");
        }
        return sb.toString();
    }

    /** Returns {@code s} quoted and escaped like {@link #quote(byte[], int, int)}. */
    static String quote(CharSequence s) {
        return Text.quote(s);
    }

    
}
