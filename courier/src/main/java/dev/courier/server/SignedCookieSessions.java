package dev.courier.server;

import dev.courier.cookie.CookieSigner;
import dev.courier.cookie.SameSite;
import dev.courier.cookie.SetCookie;
import dev.courier.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the whole {@link WebSession} in the browser, as JSON in a signed cookie, the way Flask's
 * default session does: no server state, but the client can read (not change) the data, and it
 * must fit in one cookie.
 *
 * <pre>{@code
 * CookieSigner signer = CookieSigner.builder(secretKey).salt("session").build();
 * SignedCookieSessions.builder(signer).build().install(router);
 * }</pre>
 *
 * <p>A cookie whose signature does not verify (changed, foreign key, too old for the signer's
 * max age) is ignored: the request sees an empty session. {@link WebSession#rotateId()} only
 * re-signs (there is no ID to fix); {@link WebSession#invalidate()} clears the cookie, though a
 * copy of the old cookie stays valid until the signer's max age: use a server-side
 * {@link SessionFilter} where a logout must be final.
 */
public final class SignedCookieSessions implements BeforeFilter, AfterFilter {

    /** Flask's cookie name. */
    public static final String DEFAULT_COOKIE = "session";
    /**
     * Largest cookie, name and value: 4096 bytes, what browsers keep at least (RFC 6265 §6.1,
     * RFC 6265bis §5.6); a larger one is silently dropped by the browser, so it is refused here.
     */
    public static final int DEFAULT_MAX_COOKIE_BYTES = 4096;

    private final CookieSigner signer;
    private final String cookieName;
    private final int maxCookieBytes;

    private SignedCookieSessions(Builder b) {
        this.signer = b.signer;
        this.cookieName = b.cookieName;
        this.maxCookieBytes = b.maxCookieBytes;
    }

    /** Returns a builder for sessions signed by {@code signer}. */
    public static Builder builder(CookieSigner signer) {
        return new Builder(signer);
    }

    /** Adds this filter to {@code router} as a before and an after filter, and returns the router. */
    public Router install(Router router) {
        return router.before(this).after(this);
    }

    @Override
    public Reply before(Request request) {
        request.attributes().put(WebSession.ATTRIBUTE, new WebSession(() -> load(request)));
        return null;
    }

    /**
     * Returns {@code reply} with the session's new cookie when it changed.
     *
     * @throws IllegalStateException when the signed session is larger than the cookie limit
     *     (the handler put too much in it); the request becomes a 500 and the message is logged
     */
    @Override
    public Reply after(Request request, Reply reply) {
        WebSession s = WebSession.changedIn(request);
        if (s == null) {
            return reply;
        }
        Map<String, Object> data = s.view();
        if (data.isEmpty()) {
            return reply.withCookie(SetCookie.builder(cookieName, "").path("/").httpOnly(true)
                    .secure(request.isSecure()).maxAge(Duration.ZERO).expires(Instant.EPOCH).build());
        }
        String value = signer.sign(Json.write(data));
        int size = cookieName.length() + 1 + value.length();
        if (size > maxCookieBytes) {
            throw new IllegalStateException("signed session cookie " + Escape.quote(cookieName) + " would take "
                    + size + " bytes, over maxCookieBytes=" + maxCookieBytes + " (JSON of " + data.size()
                    + " values: " + Json.write(data).getBytes(StandardCharsets.UTF_8).length + " bytes before base64"
                    + " and signature); browsers drop larger cookies. Keep less in the session, or use"
                    + " SessionFilter with a server-side SessionStore");
        }
        return reply.withCookie(SetCookie.builder(cookieName, value).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite(SameSite.LAX).build());
    }

    private WebSession.Loaded load(Request request) {
        String raw = request.cookie(cookieName);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        CookieSigner.Verification v = signer.verify(raw);
        if (!v.valid()) {
            return null;
        }
        try {
            Object parsed = Json.parse(v.value());
            if (parsed instanceof Map) {
                return new WebSession.Loaded(null, SessionValues.normalizeAll((Map<?, ?>) parsed));
            }
        } catch (RuntimeException e) {
            // Signed by us yet not a session: another use of the same key and salt. Ignore it.
            return null;
        }
        return null;
    }

    /** A builder of {@link SignedCookieSessions}. */
    public static final class Builder {
        private final CookieSigner signer;
        private String cookieName = DEFAULT_COOKIE;
        private int maxCookieBytes = DEFAULT_MAX_COOKIE_BYTES;

        private Builder(CookieSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
        }

        /** Sets the cookie name; default {@code session}. */
        public Builder cookieName(String name) {
            SetCookie.builder(name, "x").build();
            this.cookieName = name;
            return this;
        }

        /** Sets the largest cookie (name, '=' and value) in bytes; default and most 4096. */
        public Builder maxCookieBytes(int max) {
            if (max < 64 || max > DEFAULT_MAX_COOKIE_BYTES) {
                throw new IllegalArgumentException("maxCookieBytes must be 64.." + DEFAULT_MAX_COOKIE_BYTES + ", got " + max);
            }
            this.maxCookieBytes = max;
            return this;
        }

        /** Returns the filter. */
        public SignedCookieSessions build() {
            return new SignedCookieSessions(this);
        }
    }
}
