package dev.courier.cookie;

import dev.courier.internal.Text;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Character classes of RFC 6265 and the quoting used in this package's messages. */
final class CookieChars {

    /** Longest excerpt of bad input quoted in a message. */
    static final int MAX_QUOTE = 60;

    private CookieChars() {
    }

    /** Returns true for SP or HTAB, the WSP that RFC 6265 §5.2 trims around names and values. */
    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /** Returns {@code s} without leading and trailing SP/HTAB (never other whitespace). */
    static String trimWsp(String s, int from, int to) {
        while (from < to && isWsp(s.charAt(from))) {
            from++;
        }
        while (to > from && isWsp(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Returns true for a control character other than HTAB (RFC 6265bis §5.6, first step). */
    static boolean isCtlExceptTab(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    /** Returns true for an RFC 9110 tchar, the characters of a cookie-name token (RFC 6265 §4.1.1). */
    static boolean isTchar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Returns true for an RFC 6265 §4.1.1 cookie-octet: printable US-ASCII except {@code " , ; \}. */
    static boolean isCookieOctet(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A
                || c >= 0x3C && c <= 0x5B || c >= 0x5D && c <= 0x7E;
    }

    /** Returns the number of UTF-8 octets {@code s} takes, the unit RFC 6265bis limits count in. */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Returns {@code s} lower-cased in the ASCII range only. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Returns a readable name for one character, e.g. {@code ';' (0x3B)} or {@code CR (0x0D)}. */
    static String describe(char c) {
        return Text.describe(c);
    }

    /** Returns {@code s} in double quotes, controls escaped, cut to {@link #MAX_QUOTE} characters. */
    static String quote(CharSequence s) {
        return s == null ? "null" : Text.quote(s);
    }

    /** Returns the UTF-8 bytes of {@code s}. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
