package dev.courier.server;

import dev.courier.cookie.SameSite;
import dev.courier.cookie.SetCookie;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Gives every request a server-side {@link WebSession}, found through a session ID cookie, and
 * saves it after the handler when it changed.
 *
 * <pre>{@code
 * SessionFilter sessions = SessionFilter.builder(MemorySessionStore.builder().build()).build();
 * sessions.install(router);     // router.before(sessions).after(sessions)
 * }</pre>
 *
 * <p>Lifecycle for one request: 1. the before filter puts a lazy session into the request's
 * attributes; nothing is read until the handler uses it. 2. On first use the cookie's ID is
 * looked up; an ID of the wrong form or one the store does not know gives an empty session
 * without an ID (an ID chosen by someone else is never adopted: session-fixation defence, OWASP).
 * 3. After the handler, if the session changed: a new session gets a fresh ID from
 * {@link java.security.SecureRandom} and a {@code Set-Cookie}; a known one has its changes merged
 * into the store; an invalidated one is deleted and its cookie cleared. An unchanged session
 * is not saved and sends no cookie (a store may still note the use for its idle timeout).
 *
 * <p>The cookie is {@code __Host-sid} on HTTPS ({@code Secure; HttpOnly; Path=/; SameSite=Lax};
 * the {@code __Host-} prefix makes browsers refuse it from a subdomain or over plain HTTP) and
 * {@code sid} on plain HTTP ({@code HttpOnly; Path=/; SameSite=Lax}); both names and the
 * attributes can be changed in the builder. It is a browser-session cookie (no Max-Age) unless
 * {@link Builder#maxAge} is set; the store's timeouts decide how long the data lives.
 */
public final class SessionFilter implements BeforeFilter, AfterFilter {

    /** Cookie name over HTTPS; the prefix binds it to this host and Secure (RFC 6265bis §4.1.3.2). */
    public static final String DEFAULT_SECURE_COOKIE = "__Host-sid";
    /** Cookie name over plain HTTP, where a {@code __Host-} cookie would be refused. */
    public static final String DEFAULT_PLAIN_COOKIE = "sid";

    private final SessionStore store;
    private final String secureCookie;
    private final String plainCookie;
    private final SameSite sameSite;
    private final Duration maxAge;

    private SessionFilter(Builder b) {
        this.store = b.store;
        this.secureCookie = b.secureCookie;
        this.plainCookie = b.plainCookie;
        this.sameSite = b.sameSite;
        this.maxAge = b.maxAge;
    }

    /** Returns a builder for a filter keeping sessions in {@code store}. */
    public static Builder builder(SessionStore store) {
        return new Builder(store);
    }

    /** Adds this filter to {@code router} as a before and an after filter, and returns the router. */
    public Router install(Router router) {
        return router.before(this).after(this);
    }

    /** Puts a lazily loaded session into the request's attributes; returns null (go on). */
    @Override
    public Reply before(Request request) {
        request.attributes().put(WebSession.ATTRIBUTE, new WebSession(() -> load(request)));
        return null;
    }

    /** Saves the request's session when it changed and returns {@code reply} with its cookie. */
    @Override
    public Reply after(Request request, Reply reply) {
        WebSession s = WebSession.changedIn(request);
        if (s == null) {
            return reply;
        }
        String retired = s.previousId();
        if (retired != null) {
            store.delete(retired);
        }
        String id = s.id();
        if (id != null) {
            // A known session: merge. If another request deleted it meanwhile, the changes are
            // dropped rather than reviving a logged-out session.
            if (!store.update(id, s.puts(), s.removes())) {
                return reply.withCookie(deleteCookie(request));
            }
            return reply;
        }
        Map<String, Object> data = s.view();
        if (data.isEmpty()) {
            // Invalidated (or rotated while empty): nothing to keep, clear the browser's cookie.
            return retired != null || s.invalidated() ? reply.withCookie(deleteCookie(request)) : reply;
        }
        String fresh = SessionIds.next();
        store.create(fresh, data);
        s.assignId(fresh);
        return reply.withCookie(cookie(request, fresh));
    }

    private WebSession.Loaded load(Request request) {
        String id = request.cookie(cookieName(request));
        if (!SessionIds.wellFormed(id)) {
            return null;
        }
        Map<String, Object> data = store.load(id);
        return data == null ? null : new WebSession.Loaded(id, data);
    }

    private String cookieName(Request request) {
        return request.isSecure() ? secureCookie : plainCookie;
    }

    private SetCookie cookie(Request request, String id) {
        SetCookie.Builder b = SetCookie.builder(cookieName(request), id).path("/").httpOnly(true)
                .secure(request.isSecure());
        if (sameSite != null) {
            b.sameSite(sameSite);
        }
        if (maxAge != null) {
            b.maxAge(maxAge);
        }
        return b.build();
    }

    private SetCookie deleteCookie(Request request) {
        return SetCookie.builder(cookieName(request), "").path("/").httpOnly(true).secure(request.isSecure())
                .maxAge(Duration.ZERO).expires(java.time.Instant.EPOCH).build();
    }

    /** A builder of {@link SessionFilter}. */
    public static final class Builder {
        private final SessionStore store;
        private String secureCookie = DEFAULT_SECURE_COOKIE;
        private String plainCookie = DEFAULT_PLAIN_COOKIE;
        private SameSite sameSite = SameSite.LAX;
        private Duration maxAge;

        private Builder(SessionStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the cookie names used over HTTPS and over plain HTTP; defaults {@code __Host-sid}
         * and {@code sid}. A {@code __Host-} or {@code __Secure-} name is refused for plain HTTP,
         * where browsers would drop it.
         */
        public Builder cookieNames(String overHttps, String overHttp) {
            SetCookie.builder(overHttps, "x").path("/").secure(true).build();
            SetCookie.builder(overHttp, "x").path("/").build();
            this.secureCookie = overHttps;
            this.plainCookie = overHttp;
            return this;
        }

        /** Sets SameSite; default Lax (sent on top-level navigation, not on cross-site POSTs); null leaves it out. */
        public Builder sameSite(SameSite sameSite) {
            if (sameSite == SameSite.NONE) {
                throw new IllegalArgumentException("SameSite=None needs Secure, which plain HTTP cannot give;"
                        + " use LAX or STRICT");
            }
            this.sameSite = sameSite;
            return this;
        }

        /** Makes the cookie persistent for {@code maxAge}; default none (a browser-session cookie). */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /** Returns the filter. */
        public SessionFilter build() {
            return new SessionFilter(this);
        }
    }
}
