package dev.courier;

import dev.courier.http.Headers;
import dev.courier.http.Url;
import java.net.URI;

/**
 * What a session learns once and reuses for every call to the same URL: the parsed URL (base URL
 * resolved, session parameters added), its Host value and URI, and the session's default header
 * fields with that Host added. Applications mostly call the same few URLs again and again, so
 * parsing and resolving the URL string and copying the default headers per call was pure
 * repetition (about a third of the bytes allocated per small GET).
 *
 * <p>Each cache holds one entry, replaced whole through a volatile field: no lock, no growth, and
 * a miss costs what the work cost before. Every entry is immutable.
 */
final class PreparedTargets {

    /** One URL string as a session prepares it. */
    static final class Target {
        final String raw;
        /** Resolved against the base URL, session parameters added, userinfo and fragment kept. */
        final Url url;
        /** {@link #url} without userinfo and fragment: what goes on the wire. */
        final Url wire;
        final String hostHeader;
        private URI uri;

        Target(String raw, Url url) {
            this.raw = raw;
            this.url = url;
            this.wire = url.withoutUserInfo().withoutFragment();
            this.hostHeader = wire.hostHeader();
        }

        /** Returns the wire URL as a URI, for the cookie jar; made once per entry (a benign race). */
        URI uri() {
            URI u = uri;
            if (u == null) {
                u = URI.create(wire.toString());
                uri = u;
            }
            return u;
        }
    }

    /** The session's default fields with a Host field added. */
    private static final class WithHost {
        final Headers base;
        final String host;
        final Headers headers;

        WithHost(Headers base, String host, Headers headers) {
            this.base = base;
            this.host = host;
            this.headers = headers;
        }
    }

    private volatile Target target;
    private volatile WithHost withHost;

    /** Returns the cached entry for {@code raw}, or null. */
    Target find(String raw) {
        Target t = target;
        return t != null && t.raw.equals(raw) ? t : null;
    }

    /** Caches and returns the entry for {@code raw}, whose prepared URL is {@code url}. */
    Target remember(String raw, Url url) {
        Target t = new Target(raw, url);
        target = t;
        return t;
    }

    /** Returns {@code base} with {@code Host: host} set, as {@code base.newBuilder().set("Host", host).build()}. */
    Headers withHost(Headers base, String host) {
        WithHost w = withHost;
        if (w != null && w.base == base && w.host.equals(host)) {
            return w.headers;
        }
        Headers h = base.newBuilder().set("Host", host).build();
        if (base.size() < 64) { // only small default sets are worth keeping
            withHost = new WithHost(base, host, h);
        }
        return h;
    }
}
