package dev.courier.cookie;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable cookie as a cookie store keeps it (RFC 6265 §5.3): the name and value, the scope
 * (domain, host-only flag, path), the lifetime and the flags.
 *
 * <p>Build one with {@link #builder()}; change a copy with {@link #newBuilder()}:
 *
 * <pre>{@code
 * Cookie c = Cookie.builder().name("sid").value("31d4d96e").domain("example.com")
 *     .hostOnly(true).path("/").secure(true).httpOnly(true).build();
 * c.matches(URI.create("https://example.com/account"));   // true
 * c.matches(URI.create("https://www.example.com/"));      // false: host-only
 * }</pre>
 *
 * <p>A cookie without an expiry ({@link #expiresAt()} {@code null}) is a session cookie: it lives
 * until the jar is discarded and is written to a {@code cookies.txt} file only when asked.
 */
public final class Cookie {

    private final String name;
    private final String value;
    private final String domain;
    private final String path;
    private final Instant expiresAt;
    private final boolean hostOnly;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;
    private final boolean partitioned;
    private final Instant creationTime;
    private final Instant lastAccessTime;

    private Cookie(Builder b) {
        this.name = b.name;
        this.value = b.value;
        this.domain = b.domain;
        this.path = b.path;
        this.expiresAt = b.expiresAt;
        this.hostOnly = b.hostOnly;
        this.secure = b.secure;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
        this.partitioned = b.partitioned;
        this.creationTime = b.creationTime;
        this.lastAccessTime = b.lastAccessTime;
    }

    /** Returns a new builder with no name, value or domain and the path {@code "/"}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this cookie's fields, for making a changed copy. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Returns the name, e.g. {@code "sid"}; never empty. */
    public String name() {
        return name;
    }

    /** Returns the value as received, quotes included, e.g. {@code "\"abc\""}; may be empty. */
    public String value() {
        return value;
    }

    /** Returns the lower-case domain without a leading dot, e.g. {@code "example.com"}. */
    public String domain() {
        return domain;
    }

    /** Returns the path, which starts with {@code '/'}, e.g. {@code "/docs"}. */
    public String path() {
        return path;
    }

    /** Returns the instant the cookie expires, or {@code null} for a session cookie. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Returns true when the cookie has an expiry (RFC 6265 §5.3 persistent-flag). */
    public boolean persistent() {
        return expiresAt != null;
    }

    /** Returns true when the cookie goes only to its exact host, not to subdomains (no Domain attribute). */
    public boolean hostOnly() {
        return hostOnly;
    }

    /** Returns true when the cookie goes only over https or to a loopback host. */
    public boolean secure() {
        return secure;
    }

    /** Returns true when the cookie is meant for HTTP only, not for scripts. */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** Returns the SameSite value, or {@code null} when the cookie had none. */
    public SameSite sameSite() {
        return sameSite;
    }

    /** Returns true when the cookie carried the {@code Partitioned} attribute (CHIPS). */
    public boolean partitioned() {
        return partitioned;
    }

    /** Returns when the cookie was first stored; a replacement keeps the old time (RFC 6265 §5.3 step 11). */
    public Instant creationTime() {
        return creationTime;
    }

    /** Returns when the cookie was last stored or sent. */
    public Instant lastAccessTime() {
        return lastAccessTime;
    }

    /** Returns true when the cookie has an expiry at or before {@code now}. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /**
     * Returns true when this cookie would go with a request to {@code uri}, ignoring expiry: the
     * host domain-matches (or equals, for host-only cookies), the path path-matches (so
     * {@code /foo} matches {@code /foo/bar} but not {@code /football}) and a Secure cookie needs
     * https or a loopback host (RFC 6265 §5.4 step 1).
     */
    public boolean matches(URI uri) {
        RequestUrl url = RequestUrl.of(uri);
        if (hostOnly ? !domain.equals(url.host()) : !HostNames.domainMatches(url.host(), domain)) {
            return false;
        }
        return CookiePaths.pathMatches(url.path(), path) && (!secure || url.secureContext());
    }

    /** Returns {@code name=value}, the form this cookie takes in a {@code Cookie} header. */
    public String pair() {
        return name + "=" + value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Cookie)) {
            return false;
        }
        Cookie c = (Cookie) o;
        return name.equals(c.name) && value.equals(c.value) && domain.equals(c.domain)
                && path.equals(c.path) && Objects.equals(expiresAt, c.expiresAt)
                && hostOnly == c.hostOnly && secure == c.secure && httpOnly == c.httpOnly
                && sameSite == c.sameSite && partitioned == c.partitioned
                && creationTime.equals(c.creationTime) && lastAccessTime.equals(c.lastAccessTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, domain, path, expiresAt, hostOnly, secure, httpOnly,
                sameSite, partitioned, creationTime, lastAccessTime);
    }

    /** Returns a Set-Cookie-like description, e.g. {@code sid=1; Domain=example.com; Path=/; Secure}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(pair());
        sb.append(hostOnly ? "; HostOnly=" : "; Domain=").append(domain).append("; Path=").append(path);
        if (expiresAt != null) {
            sb.append("; Expires=").append(CookieDates.format(expiresAt));
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.attributeValue());
        }
        if (partitioned) {
            sb.append("; Partitioned");
        }
        return sb.toString();
    }

    /**
     * A validating builder of {@link Cookie}. Name, value and domain are required; the path
     * defaults to {@code "/"} and the creation and last-access times to the moment of
     * {@link #build()}.
     */
    public static final class Builder {
        private String name;
        private String value;
        private String domain;
        private String path = "/";
        private Instant expiresAt;
        private boolean hostOnly;
        private boolean secure;
        private boolean httpOnly;
        private SameSite sameSite;
        private boolean partitioned;
        private Instant creationTime;
        private Instant lastAccessTime;

        private Builder() {
        }

        private Builder(Cookie c) {
            name = c.name;
            value = c.value;
            domain = c.domain;
            path = c.path;
            expiresAt = c.expiresAt;
            hostOnly = c.hostOnly;
            secure = c.secure;
            httpOnly = c.httpOnly;
            sameSite = c.sameSite;
            partitioned = c.partitioned;
            creationTime = c.creationTime;
            lastAccessTime = c.lastAccessTime;
        }

        /** Sets the name: not empty, no {@code ;} or {@code =}, no control character, no outer blanks. */
        public Builder name(String name) {
            this.name = check("name", name, true);
            return this;
        }

        /** Sets the value: no {@code ;}, no control character, no outer blanks; may be empty. */
        public Builder value(String value) {
            this.value = check("value", value, false);
            return this;
        }

        /** Sets the domain; a leading dot is dropped and letters are lower-cased ({@code .Example.COM} gives {@code example.com}). */
        public Builder domain(String domain) {
            Objects.requireNonNull(domain, "domain");
            String d = CookieChars.lower(domain.startsWith(".") ? domain.substring(1) : domain);
            if (d.isEmpty() || d.indexOf(';') >= 0 || d.indexOf(' ') >= 0 || d.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("cookie domain " + CookieChars.quote(domain)
                        + " is not a host name; give e.g. \"example.com\"");
            }
            this.domain = d;
            return this;
        }

        /** Sets the path; it must start with {@code '/'}, e.g. {@code "/docs"}. */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.indexOf(';') >= 0) {
                throw new IllegalArgumentException("cookie path " + CookieChars.quote(path)
                        + " must start with '/' and hold no ';'");
            }
            this.path = path;
            return this;
        }

        /** Sets the expiry; {@code null} makes a session cookie. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Sets whether the cookie goes only to its exact host (true) or also to subdomains. */
        public Builder hostOnly(boolean hostOnly) {
            this.hostOnly = hostOnly;
            return this;
        }

        /** Sets the Secure flag. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** Sets the HttpOnly flag. */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /** Sets the SameSite value; {@code null} for none. */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** Sets the Partitioned flag. */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /** Sets the creation time. */
        public Builder creationTime(Instant creationTime) {
            this.creationTime = Objects.requireNonNull(creationTime, "creationTime");
            return this;
        }

        /** Sets the last-access time. */
        public Builder lastAccessTime(Instant lastAccessTime) {
            this.lastAccessTime = Objects.requireNonNull(lastAccessTime, "lastAccessTime");
            return this;
        }

        /**
         * Returns the cookie.
         *
         * @throws IllegalStateException if the name, value or domain is missing
         */
        public Cookie build() {
            if (name == null || value == null || domain == null) {
                throw new IllegalStateException("a cookie needs a name, a value and a domain; missing: "
                        + (name == null ? "name " : "") + (value == null ? "value " : "")
                        + (domain == null ? "domain" : "").trim());
            }
            if (creationTime == null) {
                creationTime = Instant.now();
            }
            if (lastAccessTime == null) {
                lastAccessTime = creationTime;
            }
            return new Cookie(this);
        }

        private static String check(String what, String s, boolean isName) {
            Objects.requireNonNull(s, what);
            if (isName && s.isEmpty()) {
                throw new IllegalArgumentException("cookie name is empty; give a name such as \"sid\"");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ';' || CookieChars.isCtlExceptTab(c) || isName && c == '=') {
                    throw new IllegalArgumentException("cookie " + what + " " + CookieChars.quote(s)
                            + " has " + CookieChars.describe(c) + " at offset " + i
                            + ", which a Set-Cookie header cannot carry");
                }
            }
            if (!s.isEmpty() && (CookieChars.isWsp(s.charAt(0)) || CookieChars.isWsp(s.charAt(s.length() - 1)))) {
                throw new IllegalArgumentException("cookie " + what + " " + CookieChars.quote(s)
                        + " starts or ends with a blank, which RFC 6265 §5.2 would strip; trim it");
            }
            return s;
        }
    }
}
