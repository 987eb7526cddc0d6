package dev.courier.cookie;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link CookieJar} kept in memory, following RFC 6265 §5.3 (storage) and §5.4 (retrieval).
 *
 * <p>Limits (each changeable on the {@link Builder}):
 * <table>
 * <caption>Limits and where their defaults come from</caption>
 * <tr><th>limit</th><th>default</th><th>source</th></tr>
 * <tr><td>name + value bytes</td><td>{@value SetCookieParser#DEFAULT_MAX_NAME_VALUE_BYTES}</td>
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

    /** Longest lifetime of a stored cookie: RFC 6265bis §5.6.1 "SHOULD NOT be greater than 400 days". */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(400);

    private static final System.Logger LOG = System.getLogger(MemoryCookieJar.class.getName());

    /** The storage key of RFC 6265bis §5.7 step 22: name, domain, host-only flag and path. */
    private record Key(String name, String domain, boolean hostOnly, String path) {
        static Key of(Cookie c) {
            return new Key(c.name(), c.domain(), c.hostOnly(), c.path());
        }
    }

    /** A stored cookie plus its arrival number, which orders cookies created in the same instant. */
    private static final class Entry {
        Cookie cookie;
        final long seq;

        Entry(Cookie cookie, long seq) {
            this.cookie = cookie;
            this.seq = seq;
        }
    }

    private static final Comparator<Entry> SEND_ORDER = Comparator
            .comparingInt((Entry e) -> -e.cookie.path().length())
            .thenComparing(e -> e.cookie.creationTime())
            .thenComparingLong(e -> e.seq);

    private final Clock clock;
    private final PublicSuffixList suffixes;
    private final CookieAdmission admission;
    private final int maxNameValueBytes;
    private final int maxPerDomain;
    private final int maxCookies;
    private final Consumer<StoreOutcome> listener;

    /** Cookies grouped by the registrable domain of their domain. Guarded by {@code this}. */
    private final Map<String, LinkedHashMap<Key, Entry>> groups = new HashMap<>();
    private int size;
    private long nextSeq;
    /** Evictions made while storing one cookie, reported after that cookie's own outcome. */
    private final List<StoreOutcome> evictions = new ArrayList<>();

    private MemoryCookieJar(Builder b) {
        this.clock = b.clock;
        this.suffixes = b.suffixes != null ? b.suffixes : PublicSuffixList.defaultList();
        this.admission = new CookieAdmission(suffixes, b.maxLifetime);
        this.maxNameValueBytes = b.maxNameValueBytes;
        this.maxPerDomain = b.maxPerDomain;
        this.maxCookies = b.maxCookies;
        this.listener = b.listener;
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
                String shadow = shadowsSecureCookie(o.cookie(), url);
                o = shadow != null ? StoreOutcome.rejected(header, o.cookie().name(), shadow) : put(header, o.cookie(), now);
            }
            report(o);
            outcomes.add(o);
        }
        return outcomes;
    }

    @Override
    public synchronized StoreOutcome add(Cookie cookie) {
        Objects.requireNonNull(cookie, "cookie");
        StoreOutcome o = put(null, cookie, clock.instant());
        report(o);
        return o;
    }

    /** Stores or deletes by key; a replacement keeps the old creation time (RFC 6265 §5.3 step 11.3). */
    private StoreOutcome put(String header, Cookie cookie, Instant now) {
        Key key = Key.of(cookie);
        LinkedHashMap<Key, Entry> group = groups.computeIfAbsent(groupOf(cookie.domain()), g -> new LinkedHashMap<>());
        Entry old = group.remove(key);
        if (old != null) {
            size--;
        }
        if (cookie.isExpired(now)) {
            if (group.isEmpty()) {
                groups.remove(groupOf(cookie.domain()));
            }
            return StoreOutcome.expired(header, cookie);
        }
        Cookie stored = old == null ? cookie : cookie.newBuilder().creationTime(old.cookie.creationTime()).build();
        group.put(key, new Entry(stored, old == null ? nextSeq++ : old.seq));
        size++;
        StoreOutcome o = StoreOutcome.stored(header, stored);
        enforceLimits(group, key, now);
        return o;
    }

    /**
     * Returns why a non-Secure cookie from an insecure origin may not shadow a Secure cookie of
     * the same name whose domain and path overlap (RFC 6265bis §5.7 step 16), or null.
     */
    private String shadowsSecureCookie(Cookie c, RequestUrl url) {
        if (c.secure() || url.secureContext()) {
            return null;
        }
        LinkedHashMap<Key, Entry> group = groups.get(groupOf(c.domain()));
        if (group == null) {
            return null;
        }
        for (Entry e : group.values()) {
            Cookie old = e.cookie;
            if (old.secure() && old.name().equals(c.name())
                    && (HostNames.domainMatches(old.domain(), c.domain()) || HostNames.domainMatches(c.domain(), old.domain()))
                    && CookiePaths.pathMatches(c.path(), old.path())) {
                return "it would overwrite or shadow the Secure cookie for " + old.domain() + old.path()
                        + " from an insecure origin (RFC 6265bis §5.7 step 16)";
            }
        }
        return null;
    }

    /** Evicts from the site, then from the whole jar: expired first, then least recently accessed. */
    private void enforceLimits(LinkedHashMap<Key, Entry> group, Key keep, Instant now) {
        if (group.size() > maxPerDomain) {
            evict(List.of(group), group.size() - maxPerDomain, keep, now,
                    "the site has more than maxCookiesPerDomain=" + maxPerDomain + " cookies");
        }
        if (size > maxCookies) {
            evict(new ArrayList<>(groups.values()), size - maxCookies, keep, now,
                    "the jar has more than maxCookies=" + maxCookies + " cookies");
        }
    }

    private void evict(List<LinkedHashMap<Key, Entry>> from, int count, Key keep, Instant now, String why) {
        List<Map.Entry<Key, Entry>> candidates = new ArrayList<>();
        for (LinkedHashMap<Key, Entry> g : from) {
            for (Map.Entry<Key, Entry> e : g.entrySet()) {
                if (!e.getKey().equals(keep)) {
                    candidates.add(e);
                }
            }
        }
        candidates.sort(Comparator.comparing((Map.Entry<Key, Entry> e) -> !e.getValue().cookie.isExpired(now))
                .thenComparing(e -> e.getValue().cookie.lastAccessTime())
                .thenComparingLong(e -> e.getValue().seq));
        for (int i = 0; i < count && i < candidates.size(); i++) {
            Cookie victim = candidates.get(i).getValue().cookie;
            removeKey(Key.of(victim));
            evictions.add(StoreOutcome.evicted(victim, victim.isExpired(now) ? "it had expired and " + why : why));
        }
    }

    @Override
    public synchronized List<Cookie> cookiesFor(URI requestUrl) {
        RequestUrl url = RequestUrl.of(requestUrl);
        Instant now = clock.instant();
        LinkedHashMap<Key, Entry> group = groups.get(groupOf(url.host()));
        if (group == null) {
            return List.of();
        }
        List<Entry> matching = new ArrayList<>();
        for (Iterator<Entry> it = group.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            Cookie c = e.cookie;
            if (c.isExpired(now)) {
                it.remove(); // RFC 6265 §5.3: expired cookies are evicted whenever seen
                size--;
                continue;
            }
            boolean domainOk = c.hostOnly() ? c.domain().equals(url.host()) : HostNames.domainMatches(url.host(), c.domain());
            if (domainOk && CookiePaths.pathMatches(url.path(), c.path()) && (!c.secure() || url.secureContext())) {
                matching.add(e);
            }
        }
        matching.sort(SEND_ORDER);
        List<Cookie> result = new ArrayList<>(matching.size());
        for (Entry e : matching) {
            if (!e.cookie.lastAccessTime().equals(now)) {
                e.cookie = e.cookie.newBuilder().lastAccessTime(now).build(); // §5.4 step 3
            }
            result.add(e.cookie);
        }
        return List.copyOf(result);
    }

    @Override
    public synchronized boolean remove(Cookie cookie) {
        return removeKey(Key.of(cookie));
    }

    private boolean removeKey(Key key) {
        String g = groupOf(key.domain());
        LinkedHashMap<Key, Entry> group = groups.get(g);
        if (group == null || group.remove(key) == null) {
            return false;
        }
        size--;
        if (group.isEmpty()) {
            groups.remove(g);
        }
        return true;
    }

    @Override
    public synchronized int removeExpired() {
        Instant now = clock.instant();
        return removeIf(c -> c.isExpired(now));
    }

    @Override
    public synchronized int clearSession() {
        return removeIf(c -> !c.persistent());
    }

    private int removeIf(Predicate<Cookie> p) {
        int removed = 0;
        for (Iterator<LinkedHashMap<Key, Entry>> gi = groups.values().iterator(); gi.hasNext(); ) {
            LinkedHashMap<Key, Entry> group = gi.next();
            for (Iterator<Entry> it = group.values().iterator(); it.hasNext(); ) {
                if (p.test(it.next().cookie)) {
                    it.remove();
                    removed++;
                }
            }
            if (group.isEmpty()) {
                gi.remove();
            }
        }
        size -= removed;
        return removed;
    }

    @Override
    public synchronized void clear() {
        groups.clear();
        size = 0;
    }

    @Override
    public synchronized List<Cookie> all() {
        List<Entry> entries = new ArrayList<>(size);
        for (LinkedHashMap<Key, Entry> group : groups.values()) {
            entries.addAll(group.values());
        }
        entries.sort(Comparator.comparingLong(e -> e.seq));
        List<Cookie> result = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            result.add(e.cookie);
        }
        return List.copyOf(result);
    }

    /** Returns the number of cookies in the jar, expired ones included. */
    public synchronized int size() {
        return size;
    }

    /** Returns the clock this jar reads. */
    Clock clock() {
        return clock;
    }

    /** Returns the registrable domain of {@code domain}, or the domain itself for IPs and suffixes. */
    private String groupOf(String domain) {
        if (HostNames.isIpAddress(domain)) {
            return domain;
        }
        String site = suffixes.registrableDomain(domain);
        return site != null ? site : domain;
    }

    /** Logs (except plain stores) and tells the listener: the outcome, then evictions it caused. */
    private void report(StoreOutcome o) {
        if (o.kind() != StoreOutcome.Kind.STORED) {
            LOG.log(Level.DEBUG, o::message);
        }
        listener.accept(o);
        if (!evictions.isEmpty()) {
            List<StoreOutcome> done = List.copyOf(evictions);
            evictions.clear();
            for (StoreOutcome e : done) {
                report(e);
            }
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
