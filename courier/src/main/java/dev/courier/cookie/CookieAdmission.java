package dev.courier.cookie;

import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;

/**
 * The storage model of RFC 6265 §5.3 (with the RFC 6265bis §5.7 additions browsers ship): turns a
 * parsed {@code Set-Cookie} and the URL of the request it answered into a {@link Cookie}, or says
 * why the cookie must be ignored.
 *
 * <p>Steps, in the RFC's order: expiry (Max-Age wins over Expires, both capped); domain (public
 * suffix, then domain-match, IP hosts host-only); path (attribute or default-path); Secure needs a
 * secure origin; SameSite=None and Partitioned need Secure; the {@code __Secure-} and
 * {@code __Host-} name prefixes. Steps that need the store (replacement, secure-cookie shadowing)
 * are the jar's.
 */
final class CookieAdmission {

    private final Supplier<PublicSuffixList> suffixes;
    private final Duration maxLifetime;

    CookieAdmission(Supplier<PublicSuffixList> suffixes, Duration maxLifetime) {
        this.suffixes = suffixes;
        this.maxLifetime = maxLifetime;
    }

    /** Returns STORED with the new cookie, or REJECTED with the reason. */
    StoreOutcome admit(String header, ParsedSetCookie p, RequestUrl url, Instant now) {
        if (p.rejection() != null) {
            return StoreOutcome.rejected(header, p.name(), p.rejection());
        }
        Cookie.Builder b = Cookie.builder().name(p.name()).value(p.value())
                .creationTime(now).lastAccessTime(now)
                .secure(p.secure()).httpOnly(p.httpOnly()).sameSite(p.sameSite()).partitioned(p.partitioned());
        b.expiresAt(expiry(p, now));

        // §5.3 steps 4-6: the domain.
        String host = url.host();
        String domain = p.domain() == null ? null : HostNames.canonicalize(p.domain());
        if (domain != null && suffixes.get().isPublicSuffix(domain) && !HostNames.isIpAddress(domain)) {
            if (!domain.equals(host)) {
                return reject(header, p, "Domain=" + domain + " is a public suffix; a cookie for it would reach"
                        + " every site under it (RFC 6265 §5.3 step 5)");
            }
            domain = null; // the host itself is a suffix (e.g. github.io): allowed, host-only
        }
        if (domain != null) {
            if (!HostNames.domainMatches(host, domain)) {
                return reject(header, p, "Domain=" + domain + " does not domain-match the request host " + host
                        + " (RFC 6265 §5.3 step 6); omit Domain or use a parent of the host");
            }
        }
        // An IP host cannot share cookies with anything else, so its cookies are host-only.
        boolean hostOnly = domain == null || HostNames.isIpAddress(host);
        b.domain(hostOnly ? host : domain).hostOnly(hostOnly);

        // §5.3 step 7 with §5.2.4: the path.
        String path = p.path() != null ? p.path() : CookiePaths.defaultPath(url.path());
        b.path(path);

        // RFC 6265bis §5.7: only a secure origin may set a Secure cookie.
        if (p.secure() && !url.secureContext()) {
            return reject(header, p, "it is Secure but was set over " + url.scheme() + "://" + host
                    + ", not https or a loopback host (RFC 6265bis §5.7)");
        }
        if (p.sameSite() == SameSite.NONE && !p.secure()) {
            return reject(header, p, "SameSite=None needs the Secure attribute (RFC 6265bis §5.7)");
        }
        if (p.partitioned() && !p.secure()) {
            return reject(header, p, "Partitioned needs the Secure attribute (CHIPS, Cookies Having"
                    + " Independent Partitioned State)");
        }
        String prefixProblem = prefixProblem(p, url, p.domain() != null);
        if (prefixProblem != null) {
            return reject(header, p, prefixProblem);
        }
        return StoreOutcome.stored(header, b.build());
    }

    /**
     * Returns the expiry: Max-Age (≤ 0 means the earliest instant) wins over Expires; either is
     * capped at {@code now + maxLifetime} (RFC 6265bis §5.6.1, §5.6.2: at most 400 days).
     */
    private Instant expiry(ParsedSetCookie p, Instant now) {
        Instant cap = now.plus(maxLifetime);
        if (p.maxAgeSeconds() != null) {
            long s = p.maxAgeSeconds();
            if (s <= 0) {
                return Instant.EPOCH;
            }
            return s >= maxLifetime.getSeconds() ? cap : now.plusSeconds(s);
        }
        if (p.expires() != null) {
            return p.expires().isAfter(cap) ? cap : p.expires();
        }
        return null;
    }

    /**
     * Returns why the name prefix rules (RFC 6265bis §4.1.3, matched without ASCII case) are
     * broken, or null: {@code __Secure-} needs Secure from a secure origin; {@code __Host-} also
     * needs no Domain attribute and {@code Path=/}.
     */
    static String prefixProblem(ParsedSetCookie p, RequestUrl url, boolean domainAttribute) {
        String name = p.name();
        boolean securePrefix = name.regionMatches(true, 0, "__Secure-", 0, 9);
        boolean hostPrefix = name.regionMatches(true, 0, "__Host-", 0, 7);
        if (!securePrefix && !hostPrefix) {
            return null;
        }
        String prefix = securePrefix ? "__Secure-" : "__Host-";
        if (!p.secure()) {
            return "a " + prefix + " cookie needs the Secure attribute (RFC 6265bis §4.1.3)";
        }
        if (!url.secureContext()) {
            return "a " + prefix + " cookie must come from a secure origin (RFC 6265bis §4.1.3)";
        }
        if (hostPrefix && domainAttribute) {
            return "a __Host- cookie must not have a Domain attribute (RFC 6265bis §4.1.3.2)";
        }
        if (hostPrefix && (!p.pathAttribute() || !"/".equals(p.path()))) {
            return "a __Host- cookie needs Path=/ (RFC 6265bis §4.1.3.2)";
        }
        return null;
    }

    private static StoreOutcome reject(String header, ParsedSetCookie p, String reason) {
        return StoreOutcome.rejected(header, p.name(), reason);
    }
}
