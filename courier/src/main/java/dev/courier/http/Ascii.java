package dev.courier.http;

import dev.courier.internal.Text;
import java.util.Locale;

/** Character classes of RFC 9110/5234 and the quoting used in error messages. */
final class Ascii {

    /** Longest excerpt of bad input quoted in an error message. */
    static final int MAX_QUOTE = 60;

    private static final boolean[] TCHAR = new boolean[128];

    static {
        // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Ascii() {
    }

    /** Returns true for an RFC 9110 token character. */
    static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    /** Returns true when {@code s} is a non-empty RFC 9110 token. */
    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code s} with ASCII letters lower-cased; other characters are left alone. */
    static String lowercase(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Returns a readable name for one character, e.g. {@code CR (0x0D)} or {@code ' ' (0x20)}. */
    static String describe(char c) {
        return Text.describe(c);
    }

    /**
     * Returns {@code s} in double quotes with control characters escaped and cut to
     * {@link #MAX_QUOTE} characters, safe to put into a log line or an exception message.
     */
    static String quote(CharSequence s) {
        return Text.quote(s);
    }
}
