package dev.courier.cookie;

import java.util.function.Supplier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cookie store of RFC 6265 §5.3 as a data structure: cookies keyed by name, domain,
 * host-only flag and path, grouped by site (registrable domain) so that a lookup and the
 * per-site limit only touch one group. Not thread-safe: {@link MemoryCookieJar} locks around it.
 */
final class CookieStore {

    /** The storage key of RFC 6265bis §5.7 (storage model): name, domain, host-only flag and path. */
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

    /** RFC 6265 §5.4 step 2: longest path first, then earliest creation (then arrival). */
    private static final Comparator<Entry> SEND_ORDER = Comparator
            .comparingInt((Entry e) -> -e.cookie.path().length())
            .thenComparing(e -> e.cookie.creationTime())
            .thenComparingLong(e -> e.seq);

    private final Supplier<PublicSuffixList> suffixes;
    private final int maxPerDomain;
    private final int maxCookies;
    private final Map<String, LinkedHashMap<Key, Entry>> groups = new HashMap<>();
    /** Evictions made by the last {@link #put}, for the caller to report after its own outcome. */
    private final List<StoreOutcome> evictions = new ArrayList<>();
    private int size;
    private long nextSeq;

    CookieStore(Supplier<PublicSuffixList> suffixes, int maxPerDomain, int maxCookies) {
        this.suffixes = suffixes;
        this.maxPerDomain = maxPerDomain;
        this.maxCookies = maxCookies;
    }

    int size() {
        return size;
    }

    /** Returns and forgets the evictions made since the last call. */
    List<StoreOutcome> drainEvictions() {
        List<StoreOutcome> done = List.copyOf(evictions);
        evictions.clear();
        return done;
    }

    /** Stores or deletes by key; a replacement keeps the old creation time (RFC 6265 §5.3 step 11.3). */
    StoreOutcome put(String header, Cookie cookie, Instant now) {
        Key key = Key.of(cookie);
        String g = groupOf(cookie.domain());
        LinkedHashMap<Key, Entry> group = groups.computeIfAbsent(g, k -> new LinkedHashMap<>());
        Entry old = group.remove(key);
        if (old != null) {
            size--;
        }
        if (cookie.isExpired(now)) {
            if (group.isEmpty()) {
                groups.remove(g);
            }
            return StoreOutcome.expired(header, cookie);
        }
        Cookie stored = old == null ? cookie : cookie.newBuilder().creationTime(old.cookie.creationTime()).build();
        group.put(key, new Entry(stored, old == null ? nextSeq++ : old.seq));
        size++;
        if (group.size() > maxPerDomain) {
            evict(List.of(group), group.size() - maxPerDomain, key, now,
                    "the site has more than maxCookiesPerDomain=" + maxPerDomain + " cookies");
        }
        if (size > maxCookies) {
            evict(new ArrayList<>(groups.values()), size - maxCookies, key, now,
                    "the jar has more than maxCookies=" + maxCookies + " cookies");
        }
        return StoreOutcome.stored(header, stored);
    }

    /** Evicts expired cookies first, then the least recently accessed; never {@code keep}. */
    private void evict(List<LinkedHashMap<Key, Entry>> from, int count, Key keep, Instant now, String why) {
        List<Entry> candidates = new ArrayList<>();
        for (LinkedHashMap<Key, Entry> g : from) {
            for (Map.Entry<Key, Entry> e : g.entrySet()) {
                if (!e.getKey().equals(keep)) {
                    candidates.add(e.getValue());
                }
            }
        }
        candidates.sort(Comparator.comparing((Entry e) -> !e.cookie.isExpired(now))
                .thenComparing(e -> e.cookie.lastAccessTime())
                .thenComparingLong(e -> e.seq));
        for (int i = 0; i < count && i < candidates.size(); i++) {
            Cookie victim = candidates.get(i).cookie;
            remove(victim);
            evictions.add(StoreOutcome.evicted(victim, victim.isExpired(now) ? "it had expired and " + why : why));
        }
    }

    /**
     * Returns why a non-Secure cookie from an insecure origin may not shadow a Secure cookie of
     * the same name whose domain and path overlap (RFC 6265bis §5.7, "leave secure cookies alone"), or null.
     */
    String shadowsSecureCookie(Cookie c, RequestUrl url) {
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
                        + " from an insecure origin (RFC 6265bis §5.7, 'leave secure cookies alone')";
            }
        }
        return null;
    }

    /**
     * Returns the cookies for {@code url} in sending order (RFC 6265 §5.4), dropping expired
     * cookies met on the way and setting the last-access time of those returned to {@code now}.
     */
    List<Cookie> matching(RequestUrl url, Instant now) {
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

    /** Removes the cookie with the key of {@code cookie}; returns true if there was one. */
    boolean remove(Cookie cookie) {
        String g = groupOf(cookie.domain());
        LinkedHashMap<Key, Entry> group = groups.get(g);
        if (group == null || group.remove(Key.of(cookie)) == null) {
            return false;
        }
        size--;
        if (group.isEmpty()) {
            groups.remove(g);
        }
        return true;
    }

    /** Removes every cookie {@code p} accepts and returns how many. */
    int removeIf(Predicate<Cookie> p) {
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

    void clear() {
        groups.clear();
        size = 0;
    }

    /** Returns every cookie in arrival order (a replacement keeps its place). */
    List<Cookie> all() {
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

    /** Returns the registrable domain of {@code domain}, or the domain itself for IPs and suffixes. */
    private String groupOf(String domain) {
        if (HostNames.isIpAddress(domain)) {
            return domain;
        }
        String site = suffixes.get().registrableDomain(domain);
        return site != null ? site : domain;
    }
}
