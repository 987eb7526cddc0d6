package dev.courier.cookie;

import java.time.Instant;

/**
 * Parses one {@code Set-Cookie} header value by the algorithm of RFC 6265 §5.2, with the
 * RFC 6265bis additions that browsers ship (control characters refused, size limits).
 *
 * <p>Steps: (1) refuse controls; (2) cut the name-value pair at the first {@code ';'}; (3) split
 * it at the first {@code '='} and trim SP/HTAB; (4) walk the attributes, each cut at
 * {@code ';'}, keeping the last valid value of each. A pair without {@code '='} or with an empty
 * name is ignored, as RFC 6265 §5.2 and the http-state suite (cases 0004, 0021, MOZILLA0017)
 * expect; RFC 6265bis would keep it under an empty name, which no vector wants.
 */
final class SetCookieParser {

    /** Name plus value may take 4096 octets: RFC 6265bis §5.6 and RFC 6265 §6.1. */
    static final int DEFAULT_MAX_NAME_VALUE_BYTES = 4096;

    /** An attribute value over 1024 octets is ignored: RFC 6265bis §5.6. */
    static final int DEFAULT_MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    /** Where the parser is: in the name-value pair, or in the attribute list after it. */
    private enum State { NAME_VALUE, ATTRIBUTES }

    private SetCookieParser() {
    }

    /** Returns the parsed header, or a result with the reason it is ignored. */
    static ParsedSetCookie parse(String header) {
        return parse(header, DEFAULT_MAX_NAME_VALUE_BYTES);
    }

    /** Returns the parsed header with a name-plus-value limit of {@code maxNameValueBytes}. */
    static ParsedSetCookie parse(String header, int maxNameValueBytes) {
        for (int i = 0; i < header.length(); i++) {
            if (CookieChars.isCtlExceptTab(header.charAt(i))) {
                return ParsedSetCookie.rejected("it has " + CookieChars.describe(header.charAt(i))
                        + " at offset " + i + " (RFC 6265bis §5.6 ignores such a header)");
            }
        }
        State state = State.NAME_VALUE;
        String name = null;
        String value = null;
        Instant expires = null;
        Long maxAge = null;
        String domain = null;
        String path = null;
        boolean pathAttribute = false;
        boolean secure = false;
        boolean httpOnly = false;
        SameSite sameSite = null;
        boolean partitioned = false;
        int n = header.length();
        int start = 0;
        // Bounded: each pass consumes one ';'-separated segment.
        while (start <= n) {
            int semi = header.indexOf(';', start);
            int end = semi < 0 ? n : semi;
            int eq = indexOf(header, '=', start, end);
            if (state == State.NAME_VALUE) {
                if (eq < 0) {
                    return ParsedSetCookie.rejected("the name-value pair "
                            + CookieChars.quote(header.substring(start, end)) + " has no '=' (RFC 6265 §5.2 step 2)");
                }
                name = CookieChars.trimWsp(header, start, eq);
                value = CookieChars.trimWsp(header, eq + 1, end);
                if (name.isEmpty()) {
                    return ParsedSetCookie.rejected("the cookie name is empty (RFC 6265 §5.2 step 5)");
                }
                int size = CookieChars.utf8Length(name) + CookieChars.utf8Length(value);
                if (size > maxNameValueBytes) {
                    return ParsedSetCookie.rejected(name, "name and value take " + size
                            + " bytes, over maxNameValueBytes=" + maxNameValueBytes
                            + " (RFC 6265bis §5.6); keep large data out of cookies");
                }
                state = State.ATTRIBUTES;
            } else {
                String attrName = CookieChars.trimWsp(header, start, eq < 0 ? end : eq);
                String attrValue = eq < 0 ? "" : CookieChars.trimWsp(header, eq + 1, end);
                if (CookieChars.utf8Length(attrValue) <= DEFAULT_MAX_ATTRIBUTE_VALUE_BYTES) {
                    switch (CookieChars.lower(attrName)) {
                        case "expires":
                            Instant t = CookieDates.parse(attrValue);
                            if (t != null) {
                                expires = t;
                            }
                            break;
                        case "max-age":
                            Long seconds = maxAge(attrValue);
                            if (seconds != null) {
                                maxAge = seconds;
                            }
                            break;
                        case "domain":
                            // An empty Domain is ignored as a whole (RFC 6265bis §5.6.3; vector OPTIONAL_DOMAIN0042).
                            if (!attrValue.isEmpty()) {
                                domain = CookieChars.lower(attrValue.charAt(0) == '.' ? attrValue.substring(1) : attrValue);
                            }
                            break;
                        case "path":
                            pathAttribute = true;
                            path = attrValue.startsWith("/") ? attrValue : null;
                            break;
                        case "secure":
                            secure = true;
                            break;
                        case "httponly":
                            httpOnly = true;
                            break;
                        case "samesite":
                            sameSite = SameSite.parse(attrValue);
                            break;
                        case "partitioned":
                            partitioned = true;
                            break;
                        default:
                            break; // unknown attributes are ignored (§5.2 step 6)
                    }
                }
            }
            if (semi < 0) {
                break;
            }
            start = semi + 1;
        }
        return new ParsedSetCookie(name, value, expires, maxAge, domain, path, pathAttribute,
                secure, httpOnly, sameSite, partitioned, null);
    }

    /** Returns the index of {@code c} in {@code s[from, to)}, or -1; never looks past {@code to}. */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the delta-seconds of a Max-Age value (RFC 6265 §5.2.2): an optional {@code '-'} then
     * digits only, saturating at the long range; null when invalid, e.g. {@code "50,399"}.
     */
    static Long maxAge(String v) {
        if (v.isEmpty()) {
            return null;
        }
        boolean negative = v.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (i == v.length()) {
            return null;
        }
        long result = 0;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            result = result > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : Math.min(Long.MAX_VALUE - 9, result * 10) + (c - '0');
        }
        return negative ? -result : result;
    }
}
