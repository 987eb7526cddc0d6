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

    @Override
    public String toString() {
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
