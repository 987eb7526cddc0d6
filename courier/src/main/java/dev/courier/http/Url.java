package dev.courier.http;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An immutable, absolute URL (RFC 3986): scheme, optional userinfo, host, port, path, query and
 * fragment, already checked and percent-encoded.
 *
 * <pre>{@code
 * Url u = Url.parse("https://Bücher.example/a/./b/../c?q=1#top");
 * u.host();            // "xn--bcher-kva.example"
 * u.path();            // "/a/c"
 * u.port();            // 443 (the scheme's default; explicitPort() is empty)
 * u.requestTarget();   // "/a/c?q=1"
 * u.resolve("../d");   // https://xn--bcher-kva.example/d
 * u.withQueryParams("page", "2").toString();   // ".../a/c?q=1&page=2#top"
 * }</pre>
 *
 * <p>Parsing normalizes what RFC 3986 §6.2.2 says is equivalent: scheme and host are
 * lower-cased, international host names become A-labels ({@link java.net.IDN}), characters a
 * component does not allow (non-ASCII, {@code "}, {@code <}, {@code \}, ...) are percent-encoded
 * as UTF-8, escapes of unreserved characters are decoded ({@code %7E} is {@code ~}) while other
 * valid escapes are kept as written ({@code %2F} stays, it is not {@code /}), a {@code %} that
 * starts no escape becomes {@code %25}, and http(s) paths lose their dot segments. This is what
 * requests' {@code requote_uri} does, except that requests leaves {@code [ ]} outside the host
 * alone and re-encodes every {@code %} once one is invalid.
 * Control characters and spaces are refused everywhere: they could split a request line.
 * Components a URL does not have are null, which is not the same as empty: {@code http://a/?}
 * has an empty query. Two URLs are equal when their normalized forms are.
 */
public final class Url {

    private final String scheme;
    private final String userInfo;
    private final String host;
    private final int port;
    private final String path;
    private final String query;
    private final String fragment;
    private final String text;

    private Url(String scheme, String userInfo, String host, int port, String path, String query, String fragment) {
        this.scheme = scheme;
        this.userInfo = userInfo;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
        this.fragment = fragment;
        this.text = new UriParts(scheme, host == null ? null : authority(userInfo, host, port), path, query,
                fragment).toString();
    }

    /**
     * Returns the URL in {@code text}, which must be absolute, e.g.
     * {@code Url.parse("http://[::1]:8080/status")}.
     *
     * @throws IllegalArgumentException quoting the input, naming the bad character and its
     *     offset; without a scheme: {@code No scheme supplied. Perhaps you meant https://example.com?}
     */
    public static Url parse(String text) {
        UrlParser.Parsed p = UrlParser.parse(text);
        return new Url(p.scheme(), p.userInfo(), p.host(), p.port(), p.path(), p.query(), p.fragment());
    }

    /**
     * Returns the default port of {@code scheme}: 80 for http and ws, 443 for https and wss, or
     * -1 for any other scheme.
     */
    public static int defaultPort(String scheme) {
        switch (scheme) {
            case "http":
            case "ws":
                return 80;
            case "https":
            case "wss":
                return 443;
            default:
                return -1;
        }
    }

    /**
     * Returns {@code raw} percent-encoded for use as one path segment, {@code /} and {@code %}
     * included, e.g. {@code "a b/c%"} becomes {@code "a%20b%2Fc%25"}.
     *
     * @throws IllegalArgumentException if {@code raw} holds an unpaired surrogate, which has no
     *     UTF-8 encoding
     */
    public static String encodePathSegment(String raw) {
        return PercentEncoder.encode(raw, PercentEncoder.Component.PATH_SEGMENT);
    }

    /** Returns the lower-cased scheme, e.g. {@code "https"}. */
    public String scheme() {
        return scheme;
    }

    /** Returns the encoded userinfo ({@code user:password}), or null when there is none. */
    public String userInfo() {
        return userInfo;
    }

    /** Returns the decoded user name from the userinfo, or null when there is no userinfo. */
    public String username() {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return PercentEncoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    }

    /** Returns the decoded password from the userinfo, or null when there is no ':' in it. */
    public String password() {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? null : PercentEncoder.decode(userInfo.substring(colon + 1));
    }

    /**
     * Returns the host: lower-case ASCII, IDN names as A-labels, IPv6 without brackets (e.g.
     * {@code "::1"}); empty for {@code file:///x}; null when the URL has no authority
     * ({@code mailto:a@b}).
     */
    public String host() {
        return host;
    }

    /** Returns the port to connect to: the explicit one, else the scheme's default, else -1. */
    public int port() {
        return port >= 0 ? port : defaultPort(scheme);
    }

    /** Returns the port written in the URL, or empty when none was written. */
    public OptionalInt explicitPort() {
        return port >= 0 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** Returns the encoded path, possibly empty, e.g. {@code "/a%20b/c"}. */
    public String path() {
        return path;
    }

    /** Returns the encoded query without its {@code ?}, or null when there is none. */
    public String query() {
        return query;
    }

    /** Returns the encoded fragment without its {@code #}, or null when there is none. */
    public String fragment() {
        return fragment;
    }

    /**
     * Returns scheme, host and port, with the port left out when it is the default, e.g.
     * {@code "https://example.com"} or {@code "http://[::1]:8080"}. Credentials must not follow a
     * redirect to a URL whose origin differs (RFC 6454 §4, §5).
     *
     * @throws IllegalStateException if the URL has no authority and so no origin
     */
    public String origin() {
        if (host == null) {
            throw new IllegalStateException(this + " has no authority and so no origin");
        }
        return scheme + "://" + hostHeader();
    }

    /**
     * Returns the origin-form request target (RFC 9112 §3.2.1): the path, {@code /} when it is
     * empty, then {@code ?} and the query when there is one; never the fragment.
     */
    public String requestTarget() {
        String p = path.isEmpty() ? "/" : path;
        return query == null ? p : p + "?" + query;
    }

    /**
     * Returns the value for a {@code Host} header (RFC 9110 §7.2): the host, bracketed when IPv6,
     * then {@code :port} unless the port is absent or the scheme's default.
     *
     * @throws IllegalStateException if the URL has no authority
     */
    public String hostHeader() {
        if (host == null) {
            throw new IllegalStateException(this + " has no authority and so no Host");
        }
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port < 0 || port == defaultPort(scheme) ? h : h + ":" + port;
    }

    /**
     * Returns the URL that {@code reference} points to from this one (RFC 3986 §5.2), e.g.
     * {@code Url.parse("http://a/b/c/d;p?q").resolve("../g")} is {@code http://a/b/g}.
     *
     * @throws IllegalArgumentException if the reference holds a control character or space, or
     *     the result is not a valid URL (such as {@code http:g}, which has no host)
     */
    public Url resolve(String reference) {
        if (reference == null) {
            throw new IllegalArgumentException("reference is null");
        }
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                throw UrlParser.error(reference, i, Ascii.describe(c), "is not allowed in a URL reference",
                        c == ' ' ? "encode a space as %20" : null);
            }
        }
        UriParts base = new UriParts(scheme, host == null ? null : authority(userInfo, host, port), path, query,
                fragment);
        String target = UrlResolver.resolve(base, UriParts.split(reference)).toString();
        try {
            return parse(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resolving " + Ascii.quote(reference) + " against " + this
                    + " gives an invalid URL: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a copy with the pairs appended to the query, after any parameters already there,
     * encoded as {@link FormEncoding} does, e.g. {@code http://a/?x=1} with {@code ("q", "a b")}
     * gives {@code http://a/?x=1&q=a+b}.
     */
    public Url withQueryParams(List<? extends Map.Entry<String, String>> pairs) {
        return appendQuery(FormEncoding.encode(pairs));
    }

    /** Returns a copy with alternating names and values appended to the query; see {@link #withQueryParams(List)}. */
    public Url withQueryParams(String... namesAndValues) {
        return appendQuery(FormEncoding.encode(namesAndValues));
    }

    private Url appendQuery(String encoded) {
        if (encoded.isEmpty()) {
            return this;
        }
        String q = query == null || query.isEmpty() ? encoded : query + "&" + encoded;
        return new Url(scheme, userInfo, host, port, path, q, fragment);
    }

    /** Returns a copy without the fragment, as sent in a request. */
    public Url withoutFragment() {
        return fragment == null ? this : new Url(scheme, userInfo, host, port, path, query, null);
    }

    /** Returns a copy without userinfo, e.g. after moving it into an {@code Authorization} header. */
    public Url withoutUserInfo() {
        return userInfo == null ? this : new Url(scheme, null, host, port, path, query, fragment);
    }

    private static String authority(String userInfo, String host, int port) {
        StringBuilder sb = new StringBuilder();
        if (userInfo != null) {
            sb.append(userInfo).append('@');
        }
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Url && ((Url) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Returns the normalized URL text, e.g. {@code "https://example.com/a%20b?q=1"}. */
    @Override
    public String toString() {
        return text;
    }
}
