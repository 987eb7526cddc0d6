package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Storage (RFC 6265 §5.3), retrieval (§5.4), expiry and limits of the in-memory jar. */
class MemoryCookieJarTest {

    private final TestClock clock = TestClock.at("2026-03-01T12:00:00Z");
    private final List<StoreOutcome> heard = new ArrayList<>();
    private final MemoryCookieJar jar = MemoryCookieJar.builder().clock(clock).listener(heard::add).build();

    private void store(String url, String... headers) {
        for (StoreOutcome o : jar.store(URI.create(url), List.of(headers))) {
            assertFalse(o.kind() == StoreOutcome.Kind.REJECTED, o.message());
        }
    }

    private String header(String url) {
        return jar.cookieHeader(URI.create(url)).orElse("");
    }

    @Test
    void sendsCookieBackToTheSameHostAndPath() {
        store("https://example.com/login", "sid=abc");
        assertEquals("sid=abc", header("https://example.com/account"));
        assertEquals(Optional.empty(), jar.cookieHeader(URI.create("https://example.org/")));
    }

    @Test
    void keepsHostOnlyCookiesFromSubdomainsButSendsDomainCookiesThere() {
        store("https://example.com/", "host=1", "dom=2; Domain=example.com");
        assertEquals("host=1; dom=2", header("https://example.com/"));
        assertEquals("dom=2", header("https://www.example.com/"));
    }

    @Test
    void usesTheDefaultPathOfTheRequest() {
        store("https://example.com/docs/intro.html", "a=1");
        assertEquals("/docs", jar.all().get(0).path());
        assertEquals("a=1", header("https://example.com/docs/other"));
        assertEquals("", header("https://example.com/docsx"));
        assertEquals("", header("https://example.com/"));
    }

    @Test
    void sendsSecureCookiesOnlyOverHttpsOrLoopback() {
        store("https://example.com/", "s=1; Secure", "p=2");
        assertEquals("s=1; p=2", header("https://example.com/"));
        assertEquals("p=2", header("http://example.com/"));
        assertEquals("s=1; p=2", header("wss://example.com/"));
    }

    @Test
    void sortsByLongestPathThenEarliestCreation() {
        store("https://example.com/", "a=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        store("https://example.com/", "b=2; Path=/x/y", "c=3; Path=/x");
        clock.advance(Duration.ofSeconds(1));
        store("https://example.com/", "d=4; Path=/x");
        assertEquals("b=2; c=3; d=4; a=1", header("https://example.com/x/y/z"));
    }

    @Test
    void replacementKeepsTheOriginalCreationTime() {
        store("https://example.com/", "a=1");
        Instant first = jar.all().get(0).creationTime();
        clock.advance(Duration.ofMinutes(5));
        store("https://example.com/", "b=2");
        clock.advance(Duration.ofMinutes(5));
        store("https://example.com/", "a=changed");
        Cookie a = jar.all().get(0);
        assertEquals("changed", a.value());
        assertEquals(first, a.creationTime());
        assertEquals(clock.instant(), a.lastAccessTime());
        assertEquals("a=changed; b=2", header("https://example.com/"), "a keeps its place as the older cookie");
    }

    @Test
    void maxAgeWinsOverExpiresInEitherOrder() {
        store("https://example.com/", "a=1; Max-Age=60; Expires=Wed, 01 Jan 2031 00:00:00 GMT",
                "b=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=60");
        for (Cookie c : jar.all()) {
            assertEquals(clock.instant().plusSeconds(60), c.expiresAt(), c.name());
        }
    }

    @Test
    void expiresCookiesWhenTheClockPassesTheirExpiry() {
        store("https://example.com/", "a=1; Max-Age=60", "s=session");
        clock.advance(Duration.ofSeconds(59));
        assertEquals("a=1; s=session", header("https://example.com/"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("s=session", header("https://example.com/"));
        assertEquals(1, jar.size(), "the expired cookie was removed when seen");
    }

    @Test
    void maxAgeZeroDeletesAnExistingCookie() {
        store("https://example.com/", "a=1");
        List<StoreOutcome> out = jar.store(URI.create("https://example.com/"), List.of("a=; Max-Age=0"));
        assertEquals(StoreOutcome.Kind.EXPIRED, out.get(0).kind());
        assertEquals(0, jar.size());
    }

    @Test
    void pastExpiresDeletesAnExistingCookie() {
        store("https://example.com/", "a=1");
        store("https://example.com/", "a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assertEquals(0, jar.size());
    }

    @Test
    void capsLifetimeAtFourHundredDays() {
        store("https://example.com/", "a=1; Max-Age=999999999", "b=1; Expires=Fri, 01 Jan 9999 00:00:00 GMT");
        for (Cookie c : jar.all()) {
            assertEquals(clock.instant().plus(Duration.ofDays(400)), c.expiresAt(), c.name());
        }
    }

    @Test
    void evictsLeastRecentlyAccessedCookieOfASiteOverItsLimit() {
        MemoryCookieJar small = MemoryCookieJar.builder().clock(clock).maxCookiesPerDomain(3).listener(heard::add).build();
        URI u = URI.create("https://a.example.com/");
        small.store(u, List.of("c1=1", "c2=2", "c3=3"));
        clock.advance(Duration.ofSeconds(1));
        small.store(URI.create("https://a.example.com/"), List.of("c1=again")); // c1 touched again
        clock.advance(Duration.ofSeconds(1));
        small.store(URI.create("https://b.example.com/"), List.of("c4=4")); // same site example.com
        assertEquals(3, small.size());
        StoreOutcome last = heard.get(heard.size() - 1);
        assertEquals(StoreOutcome.Kind.EVICTED, last.kind());
        assertEquals("c2", last.name());
        assertTrue(last.message().startsWith("evicted cookie \"c2\" for a.example.com/: the site has more than maxCookiesPerDomain=3"),
                last.message());
    }

    @Test
    void evictsAcrossSitesOverTheTotalLimitButNotTheNewCookie() {
        MemoryCookieJar small = MemoryCookieJar.builder().clock(clock).maxCookies(2).listener(heard::add).build();
        small.store(URI.create("https://one.test/"), List.of("a=1"));
        clock.advance(Duration.ofSeconds(1));
        small.store(URI.create("https://two.test/"), List.of("b=1"));
        clock.advance(Duration.ofSeconds(1));
        small.store(URI.create("https://three.test/"), List.of("c=1"));
        assertEquals(List.of("b", "c"), small.all().stream().map(Cookie::name).toList());
        assertTrue(heard.get(heard.size() - 1).message().contains("the jar has more than maxCookies=2"));
    }

    @Test
    void groupsCookiesOfASiteAcrossSubdomains() {
        store("https://www.example.co.uk/", "a=1; Domain=example.co.uk");
        assertEquals("a=1", header("https://shop.example.co.uk/"));
        assertEquals("", header("https://other.co.uk/"));
    }

    @Test
    void storesFromResponseHeaders() {
        Headers h = Headers.of("Set-Cookie", "a=1", "Content-Type", "text/plain", "set-cookie", "b=2");
        List<StoreOutcome> out = jar.store(URI.create("https://example.com/"), h);
        assertEquals(2, out.size());
        assertEquals("a=1; b=2", header("https://example.com/"));
    }

    @Test
    void clearsSessionAndExpiredCookiesOnRequest() {
        store("https://example.com/", "s=1", "p=2; Max-Age=10", "q=3; Max-Age=100");
        assertEquals(1, jar.clearSession());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, jar.removeExpired());
        assertEquals(List.of("q"), jar.all().stream().map(Cookie::name).toList());
        assertTrue(jar.remove(jar.all().get(0)));
        assertEquals(0, jar.size());
        store("https://example.com/", "z=1");
        jar.clear();
        assertEquals(List.of(), jar.all());
    }

    @Test
    void keepsAttributesOnTheStoredCookie() {
        store("https://example.com/app/x", "sid=1; Secure; HttpOnly; SameSite=strict; Partitioned; Path=/app; Domain=.Example.COM");
        Cookie c = jar.all().get(0);
        assertEquals("example.com", c.domain());
        assertEquals("/app", c.path());
        assertFalse(c.hostOnly());
        assertTrue(c.secure() && c.httpOnly() && c.partitioned());
        assertEquals(SameSite.STRICT, c.sameSite());
        assertNull(c.expiresAt());
        assertTrue(c.matches(URI.create("https://www.example.com/app/y")));
        assertFalse(c.matches(URI.create("http://www.example.com/app/y")));
    }

    @Test
    void addsCookiesDirectlyAndReplacesByKey() {
        Cookie c = Cookie.builder().name("a").value("1").domain("example.com").hostOnly(true).build();
        assertTrue(jar.add(c).stored());
        assertTrue(jar.add(c.newBuilder().value("2").build()).stored());
        assertEquals("a=2", header("https://example.com/"));
        assertEquals(StoreOutcome.Kind.EXPIRED, jar.add(c.newBuilder().expiresAt(Instant.EPOCH).build()).kind());
        assertEquals(0, jar.size());
    }

    @Test
    void acceptsUrlsWhoseHostJavaNetUriDoesNotParse() {
        store("http://my_host:8080/x", "a=1");
        assertEquals("my_host", jar.all().get(0).domain());
        assertEquals("a=1", header("http://my_host:8080/y"));
    }

    @Test
    void treatsAnUnknownSameSiteValueAsNone() {
        store("https://example.com/", "a=1; SameSite=Strict; SameSite=bogus", "b=1; SameSite=lax");
        assertNull(jar.all().get(0).sameSite(), "the last SameSite wins, and an unknown value means no value");
        assertEquals(SameSite.LAX, jar.all().get(1).sameSite());
    }

    @Test
    void staysConsistentUnderConcurrentUse() throws InterruptedException {
        MemoryCookieJar shared = MemoryCookieJar.builder().clock(clock).build();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        URI u = URI.create("https://h" + id + ".example.com/");
                        shared.store(u, List.of("c" + (i % 20) + "=" + i));
                        shared.cookiesFor(u);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(10_000);
            // A thread still running (a deadlock in the jar) would otherwise go unnoticed: each
            // had stored all 20 of its names long before its last round.
            assertFalse(th.isAlive(), th + " did not finish in 10 s");
        }
        assertEquals(List.of(), failures);
        assertEquals(80, shared.size(), "20 names on each of 4 hosts");
        assertEquals(80, shared.all().size());
    }
}
