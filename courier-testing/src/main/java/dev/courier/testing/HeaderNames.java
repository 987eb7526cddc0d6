package dev.courier.testing;

import java.util.Set;

/** Header-name spelling as httpbin shows it. */
final class HeaderNames {

    /** The proxy headers httpbin hides from its echo (its {@code ENV_HEADERS}). */
    private static final Set<String> PROXY = Set.of("X-Varnish", "X-Request-Start", "X-Heroku-Queue-Depth",
            "X-Real-Ip", "X-Forwarded-Proto", "X-Forwarded-Protocol", "X-Forwarded-Ssl",
            "X-Heroku-Queue-Wait-Time", "X-Forwarded-For", "X-Heroku-Dynos-In-Use", "X-Forwarded-Port",
            "X-Request-Id", "Via", "Total-Route-Time", "Connect-Time");

    private HeaderNames() {
    }

    /**
     * Returns {@code name} title-cased as WSGI servers and Python's {@code str.title()} spell it:
     * a letter is upper case when the character before it is not a letter, e.g.
     * {@code x-b3-traceid} becomes {@code X-B3-Traceid} and {@code content-md5} {@code Content-Md5}.
     */
    static String titleCase(String name) {
        char[] c = name.toCharArray();
        boolean prevLetter = false;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            boolean letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            if (letter) {
                c[i] = prevLetter ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
            } else if (ch == '_') {
                c[i] = '-'; // WSGI carries header names as HTTP_X_FOO; httpbin shows X-Foo
            }
            prevLetter = letter;
        }
        return new String(c);
    }

    /** Returns true for the proxy headers httpbin leaves out of its echo. */
    static boolean isProxyHeader(String titleCased) {
        return PROXY.contains(titleCased);
    }
}
