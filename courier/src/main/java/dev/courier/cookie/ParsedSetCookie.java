package dev.courier.cookie;

import java.time.Instant;

/**
 * What RFC 6265 §5.2 extracts from one {@code Set-Cookie} value, before the storage model
 * (§5.3) looks at the request URL: either the name, value and last effective attributes, or the
 * reason the whole header is ignored ({@link #rejection()} not null).
 *
 * @param maxAgeSeconds the last valid Max-Age, or null
 * @param domain the last non-empty Domain, leading dot removed and lower-cased, or null
 * @param path the last Path if it starts with '/'; null means the default path (§5.2.4)
 * @param pathAttribute true when any Path attribute was present (the {@code __Host-} rule)
 */
record ParsedSetCookie(String name, String value, Instant expires, Long maxAgeSeconds,
        String domain, String path, boolean pathAttribute, boolean secure, boolean httpOnly,
        SameSite sameSite, boolean partitioned, String rejection) {

    /** Returns a result that says why the header is ignored. */
    static ParsedSetCookie rejected(String reason) {
        return rejected(null, reason);
    }

    /** Returns a result that says why the header with cookie name {@code name} (may be null) is ignored. */
    static ParsedSetCookie rejected(String name, String reason) {
        return new ParsedSetCookie(name, null, null, null, null, null, false, false, false, null,
                false, reason);
    }
}
