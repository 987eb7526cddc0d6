package dev.courier.cookie;

import java.net.URI;

/**
 * The parts of a request URL that cookie rules look at: scheme, canonical host and path.
 *
 * <p>Taken from a {@link URI} so that this package needs no URL type of its own. The path is the
 * raw (still percent-encoded) path, as browsers match it.
 */
record RequestUrl(String scheme, String host, String path) {

    /**
     * Returns the parts of {@code uri}.
     *
     * @throws IllegalArgumentException if the URI is not absolute or has no host
     */
    static RequestUrl of(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("cookie rules need an absolute URL with a host, got "
                    + CookieChars.quote(uri.toString()) + "; e.g. \"https://example.com/\"");
        }
        String host = uri.getHost();
        if (host == null) {
            host = hostFromAuthority(uri.getRawAuthority());
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("cookie rules need a URL with a host, got "
                    + CookieChars.quote(uri.toString()));
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        return new RequestUrl(CookieChars.lower(scheme), HostNames.canonicalize(host), path);
    }

    /** Returns the host of an authority that {@link URI} did not parse as server-based, e.g. {@code my_host:80}. */
    private static String hostFromAuthority(String authority) {
        if (authority == null) {
            return null;
        }
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return close < 0 ? null : a.substring(0, close + 1);
        }
        int colon = a.indexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    /** Returns true for https and wss, the schemes RFC 6265 §5.4 calls secure. */
    boolean secureScheme() {
        return scheme.equals("https") || scheme.equals("wss");
    }

    /** Returns true when Secure cookies may be set and sent: a secure scheme or a loopback host. */
    boolean secureContext() {
        return secureScheme() || HostNames.isLoopback(host);
    }
}
