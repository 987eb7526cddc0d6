package dev.courier.cookie;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link CookieJar} kept in memory, following RFC 6265 §5.3 (storage) and §5.4 (retrieval).
 *
 * <p>Limits (each changeable on the {@link Builder}):
 * <table>
 * <caption>Limits and where their defaults come from</caption>
 * <tr><th>limit</th><th>default</th><th>source</th></tr>
 * <tr><td>name + value bytes</td><td>{@value #DEFAULT_MAX_NAME_VALUE_BYTES}</td>
 *     <td>RFC 6265bis §5.6; RFC 6265 §6.1 asks for at least 4096</td></tr>
 * <tr><td>cookies per site</td><td>{@value #DEFAULT_MAX_COOKIES_PER_DOMAIN}</td>
 *     <td>Chromium's kDomainMaxCookies and Firefox's network.cookie.maxPerHost are both 180</td></tr>
 * <tr><td>cookies in the jar</td><td>{@value #DEFAULT_MAX_COOKIES}</td>
 *     <td>RFC 6265 §6.1 asks for at least 3000; Firefox's network.cookie.maxNumber is 3000</td></tr>
 * <tr><td>lifetime</td><td>400 days</td><td>RFC 6265bis §5.6.1 caps Expires and Max-Age</td></tr>
 * </table>
 *
 * <p>A "site" is the registrable domain (public suffix plus one label, e.g. {@code example.co.uk})
 * of the cookie's domain. Past a limit, expired cookies go first, then the least recently
 * accessed, as RFC 6265 §5.3 suggests; each eviction is reported as an
 * {@link StoreOutcome.Kind#EVICTED} outcome to the listener and logged.
 *
 * <p>SameSite is kept but not enforced: a client outside a browser has no "site for cookies"
 * (curl and Python's {@code http.cookiejar} do the same).
 */
public final class MemoryCookieJar implements CookieJar {

    /** Cookies per registrable domain: Chromium kDomainMaxCookies and Firefox maxPerHost, both 180. */
    public static final int DEFAULT_MAX_COOKIES_PER_DOMAIN = 180;

    /** Cookies in one jar: RFC 6265 §6.1 minimum and Firefox network.cookie.maxNumber, 3000. */
    public static final int DEFAULT_MAX_COOKIES = 3000;

    /** Name plus value bytes of one cookie: RFC 6265bis §5.6 and RFC 6265 §6.1, 4096. */
    public static final int DEFAULT_MAX_NAME_VALUE_BYTES = SetCookieParser.DEFAULT_MAX_NAME_VALUE_BYTES;

    /** Longest lifetime of a stored cookie: RFC 6265bis §5.6.1 "SHOULD NOT be greater than 400 days". */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(400);

    private static final System.Logger LOG = System.getLogger(MemoryCookieJar.class.getName());

    private final Clock clock;
    private final CookieAdmission admission;
    private final int maxNameValueBytes;
    private final Consumer<StoreOutcome> listener;
    /** Guarded by {@code this}. */
    private final CookieStore store;

    private MemoryCookieJar(Builder b) {
        // The shipped list is read on first need (a Domain attribute or a stored cookie), not here:
        // a session that never sees a cookie should not pay for parsing it.
        PublicSuffixList given = b.suffixes;
        Supplier<PublicSuffixList> suffixes = given != null ? () -> given : PublicSuffixList::defaultList;
        this.clock = b.clock;
        this.admission = new CookieAdmission(suffixes, b.maxLifetime);
        this.maxNameValueBytes = b.maxNameValueBytes;
        this.listener = b.listener;
        this.store = new CookieStore(suffixes, b.maxPerDomain, b.maxCookies);
    }

    /** Returns a builder with the system UTC clock and the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized List<StoreOutcome> store(URI requestUrl, List<String> setCookieHeaders) {
        RequestUrl url = RequestUrl.of(requestUrl);
        Instant now = clock.instant();
        List<StoreOutcome> outcomes = new ArrayList<>(setCookieHeaders.size());
        for (String header : setCookieHeaders) {
            StoreOutcome o = admission.admit(header, SetCookieParser.parse(header, maxNameValueBytes), url, now);
            if (o.kind() == StoreOutcome.Kind.STORED) {
                String shadow = store.shadowsSecureCookie(o.cookie(), url);
                o = shadow != null ? StoreOutcome.rejected(header, o.cookie().name(), shadow) : store.put(header, o.cookie(), now);
            }
            report(o);
            outcomes.add(o);
        }
        return outcomes;
    }

    @Override
    public synchronized StoreOutcome add(Cookie cookie) {
        Objects.requireNonNull(cookie, "cookie");
        StoreOutcome o = store.put(null, cookie, clock.instant());
        report(o);
        return o;
    }

    @Override
    public synchronized List<Cookie> cookiesFor(URI requestUrl) {
        return store.matching(RequestUrl.of(requestUrl), clock.instant());
    }

    @Override
    public synchronized boolean remove(Cookie cookie) {
        return store.remove(cookie);
    }

    @Override
    public synchronized int removeExpired() {
        Instant now = clock.instant();
        return store.removeIf(c -> c.isExpired(now));
    }

    @Override
    public synchronized int clearSession() {
        return store.removeIf(c -> !c.persistent());
    }

    @Override
    public synchronized void clear() {
        store.clear();
    }

    @Override
    public synchronized List<Cookie> all() {
        return store.all();
    }

    /** Returns the number of cookies in the jar, expired ones included. */
    public synchronized int size() {
        return store.size();
    }

    /** Returns the clock this jar reads. */
    Clock clock() {
        return clock;
    }

    /**
     * Logs (except plain stores) and tells the listener: the outcome, then any evictions it caused.
     * The listener runs under the jar's lock, so it must not wait for another thread using the jar.
     */
    private void report(StoreOutcome o) {
        if (o.kind() != StoreOutcome.Kind.STORED) {
            LOG.log(Level.DEBUG, o::message);
        }
        listener.accept(o);
        for (StoreOutcome e : store.drainEvictions()) {
            report(e);
        }
    }

    /** A builder of {@link MemoryCookieJar}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private PublicSuffixList suffixes;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private int maxNameValueBytes = SetCookieParser.DEFAULT_MAX_NAME_VALUE_BYTES;
        private int maxPerDomain = DEFAULT_MAX_COOKIES_PER_DOMAIN;
        private int maxCookies = DEFAULT_MAX_COOKIES;
        private Consumer<StoreOutcome> listener = o -> { };

        private Builder() {
        }

        /** Sets the clock used for creation, access and expiry times (tests pin it with {@link Clock#fixed}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the longest lifetime a Set-Cookie may ask for; default 400 days. */
        public Builder maxLifetime(Duration maxLifetime) {
            if (maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("maxLifetime must be positive, got " + maxLifetime);
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /** Sets the limit on name plus value bytes of one cookie; default 4096. */
        public Builder maxNameValueBytes(int max) {
            this.maxNameValueBytes = positive("maxNameValueBytes", max);
            return this;
        }

        /** Sets the limit on cookies per registrable domain; default 180. */
        public Builder maxCookiesPerDomain(int max) {
            this.maxPerDomain = positive("maxCookiesPerDomain", max);
            return this;
        }

        /** Sets the limit on cookies in the jar; default 3000. */
        public Builder maxCookies(int max) {
            this.maxCookies = positive("maxCookies", max);
            return this;
        }

        /** Sets a listener told of every outcome: stored, expired, rejected (with reason) and evicted. */
        public Builder listener(Consumer<StoreOutcome> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Uses {@code list} instead of the shipped public suffix list (tests). */
        Builder publicSuffixes(PublicSuffixList list) {
            this.suffixes = list;
            return this;
        }

        /** Returns the jar. */
        public MemoryCookieJar build() {
            return new MemoryCookieJar(this);
        }

        private static int positive(String name, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + v);
            }
            return v;
        }
    }
}
