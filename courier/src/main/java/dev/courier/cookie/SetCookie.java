package dev.courier.cookie;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code Set-Cookie} header value for a server to send, validated so that browsers and
 * clients read it back unchanged (RFC 6265 §4.1).
 *
 * <pre>{@code
 * String v = SetCookie.builder("sid", "31d4d96e407aad42").path("/").secure(true).httpOnly(true)
 *     .sameSite(SameSite.LAX).maxAge(Duration.ofHours(2)).build().headerValue();
 * // sid=31d4d96e407aad42; Max-Age=7200; Path=/; Secure; HttpOnly; SameSite=Lax
 * }</pre>
 *
 * <p>The builder refuses a name that is not an RFC 9110 token and a value with a character
 * outside cookie-octet (space, {@code " , ; \}, controls, non-ASCII), naming the character and its
 * offset; such values should be encoded first (e.g. URL-safe base64). It also refuses
 * combinations browsers would drop: {@code __Host-}/{@code __Secure-} without their conditions,
 * {@code SameSite=None} or {@code Partitioned} without {@code Secure}.
 */
public final class SetCookie {

    private final String headerValue;
    private final String name;

    private SetCookie(String name, String headerValue) {
        this.name = name;
        this.headerValue = headerValue;
    }

    /** Returns a builder for a cookie named {@code name} with the value {@code value}. */
    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    /**
     * Returns a header value that deletes the cookie {@code name} set with {@code path} and (if not
     * null) {@code domain}: empty value, {@code Max-Age=0} and an Expires in 1970 for old clients.
     */
    public static SetCookie delete(String name, String path, String domain) {
        Builder b = builder(name, "").maxAge(Duration.ZERO).expires(Instant.EPOCH).path(path);
        if (domain != null) {
            b.domain(domain);
        }
        return b.build();
    }

    /** Returns the cookie name. */
    public String name() {
        return name;
    }

    /** Returns the header value, e.g. {@code sid=abc; Path=/; HttpOnly}. */
    public String headerValue() {
        return headerValue;
    }

    /** Returns {@link #headerValue()}. */
    @Override
    public String toString() {
        return headerValue;
    }

    /** A validating builder of {@link SetCookie}. */
    public static final class Builder {
        private final String name;
        private final String value;
        private Long maxAgeSeconds;
        private Instant expires;
        private String domain;
        private String path;
        private boolean secure;
        private boolean httpOnly;
        private SameSite sameSite;
        private boolean partitioned;

        private Builder(String name, String value) {
            this.name = checkName(Objects.requireNonNull(name, "name"));
            this.value = checkValue(name, Objects.requireNonNull(value, "value"));
            int size = CookieChars.utf8Length(name) + CookieChars.utf8Length(value);
            if (size > SetCookieParser.DEFAULT_MAX_NAME_VALUE_BYTES) {
                throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": name and value take "
                        + size + " bytes, over the " + SetCookieParser.DEFAULT_MAX_NAME_VALUE_BYTES
                        + " that browsers keep (RFC 6265bis §5.6); store the data server-side and send a key");
            }
        }

        /** Sets Max-Age in whole seconds; zero or negative tells the client to delete the cookie. */
        public Builder maxAge(Duration maxAge) {
            this.maxAgeSeconds = Math.max(0, maxAge.getSeconds());
            return this;
        }

        /** Sets Expires, written as an IMF-fixdate; Max-Age wins where both are present. */
        public Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        /** Sets Domain, so the cookie also goes to subdomains; e.g. {@code example.com}. */
        public Builder domain(String domain) {
            String d = domain.startsWith(".") ? domain.substring(1) : domain;
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                    throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": Domain "
                            + CookieChars.quote(domain) + " has " + CookieChars.describe(c) + " at offset " + i
                            + "; give a host name such as example.com (IDNs in A-label form)");
                }
            }
            if (d.isEmpty()) {
                throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": Domain is empty;"
                        + " leave it out for a host-only cookie");
            }
            this.domain = d;
            return this;
        }

        /** Sets Path; it must start with {@code '/'} and hold no {@code ';'} or control character. */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": Path "
                        + CookieChars.quote(path) + " must start with '/'");
            }
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == ';' || c < 0x20 || c >= 0x7F) {
                    throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": Path "
                            + CookieChars.quote(path) + " has " + CookieChars.describe(c) + " at offset " + i
                            + " (RFC 6265 §4.1.1 path-value); percent-encode it");
                }
            }
            this.path = path;
            return this;
        }

        /** Sets Secure: the client sends the cookie over https only. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** Sets HttpOnly: browsers hide the cookie from scripts. */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /** Sets SameSite; {@code null} leaves the attribute out. */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** Sets Partitioned (CHIPS); it needs Secure. */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /**
         * Returns the header.
         *
         * @throws IllegalStateException when browsers would drop the cookie: a prefix condition,
         *     or SameSite=None or Partitioned without Secure
         */
        public SetCookie build() {
            String q = "cookie " + CookieChars.quote(name) + ": ";
            boolean hostPrefix = name.regionMatches(true, 0, "__Host-", 0, 7);
            if ((hostPrefix || name.regionMatches(true, 0, "__Secure-", 0, 9)) && !secure) {
                throw new IllegalStateException(q + "the " + (hostPrefix ? "__Host-" : "__Secure-")
                        + " prefix needs secure(true) (RFC 6265bis §4.1.3)");
            }
            if (hostPrefix && (domain != null || !"/".equals(path))) {
                throw new IllegalStateException(q + "the __Host- prefix needs path(\"/\") and no domain"
                        + " (RFC 6265bis §4.1.3.2)");
            }
            if (sameSite == SameSite.NONE && !secure) {
                throw new IllegalStateException(q + "SameSite=None needs secure(true); browsers drop it otherwise");
            }
            if (partitioned && !secure) {
                throw new IllegalStateException(q + "Partitioned needs secure(true); browsers drop it otherwise");
            }
            StringBuilder sb = new StringBuilder(name).append('=').append(value);
            if (maxAgeSeconds != null) {
                sb.append("; Max-Age=").append(maxAgeSeconds);
            }
            if (expires != null) {
                sb.append("; Expires=").append(CookieDates.format(expires));
            }
            if (domain != null) {
                sb.append("; Domain=").append(domain);
            }
            if (path != null) {
                sb.append("; Path=").append(path);
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
            return new SetCookie(name, sb.toString());
        }

        private static String checkName(String name) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("cookie name is empty; RFC 6265 §4.1.1 needs a token such as \"sid\"");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!CookieChars.isTchar(c)) {
                    throw new IllegalArgumentException("cookie name " + CookieChars.quote(name) + " has "
                            + CookieChars.describe(c) + " at offset " + i
                            + "; a name must be an RFC 9110 token (letters, digits, !#$%&'*+-.^_`|~)");
                }
            }
            return name;
        }

        /** Checks {@code *cookie-octet} or the same in double quotes (RFC 6265 §4.1.1). */
        private static String checkValue(String name, String value) {
            int from = 0;
            int to = value.length();
            if (to >= 2 && value.charAt(0) == '"' && value.charAt(to - 1) == '"') {
                from = 1;
                to--;
            }
            for (int i = from; i < to; i++) {
                char c = value.charAt(i);
                if (!CookieChars.isCookieOctet(c)) {
                    throw new IllegalArgumentException("cookie " + CookieChars.quote(name) + ": value "
                            + CookieChars.quote(value) + " has " + CookieChars.describe(c) + " at offset " + i
                            + ", outside RFC 6265 cookie-octet; encode the value (e.g. URL-safe base64)");
                }
            }
            return value;
        }
    }
}
