package dev.courier.client;

import dev.courier.http.Url;

/** The key of a pooled connection: scheme, host and port (RFC 6454 §4). */
public record Origin(String scheme, String host, int port) {

    /** Returns the origin of {@code url}. */
    public static Origin of(Url url) {
        return new Origin(url.scheme(), url.host(), url.port());
    }

    /** Returns true for https. */
    public boolean isTls() {
        return "https".equals(scheme);
    }

    /** Same scheme, host and port; the same instance (the transport reuses one per URL) answers at once. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Origin)) {
            return false;
        }
        Origin other = (Origin) o;
        return port == other.port && scheme.equals(other.scheme) && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }

    /** Returns {@code host:port}, an IPv6 host bracketed: the authority a CONNECT names (RFC 9110 §9.3.6). */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + authority();
    }
}
