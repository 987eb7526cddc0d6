package dev.courier.cookie;

/** The path rules of RFC 6265: default-path (§5.1.4) and path-match (§5.1.4). */
final class CookiePaths {

    private CookiePaths() {
    }

    /**
     * Returns the default path for a request path: everything before its last {@code '/'}, or
     * {@code "/"} when that would be empty; e.g. {@code /docs/intro.html} gives {@code /docs} and
     * {@code /login} gives {@code /}.
     */
    static String defaultPath(String requestPath) {
        if (requestPath.isEmpty() || requestPath.charAt(0) != '/') {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    /**
     * Returns true when {@code requestPath} path-matches {@code cookiePath}: they are equal, or the
     * cookie path is a prefix that ends with {@code '/'} or is followed by {@code '/'}. So
     * {@code /foo} matches {@code /foo/bar} and not {@code /football}. Paths compare
     * case-sensitively and without percent-decoding, as browsers do.
     */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (!requestPath.startsWith(cookiePath)) {
            return false;
        }
        return requestPath.length() == cookiePath.length()
                || cookiePath.endsWith("/")
                || requestPath.charAt(cookiePath.length()) == '/';
    }
}
