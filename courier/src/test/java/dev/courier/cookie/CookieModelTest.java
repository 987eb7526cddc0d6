package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Cookie value, its builder, matching rules and the date helpers. */
class CookieModelTest {

    @Test
    void builderValidatesAndCopies() {
        Cookie c = Cookie.builder().name("a").value("1").domain(".Example.COM").path("/x").build();
        assertEquals("example.com", c.domain());
        Cookie d = c.newBuilder().value("2").build();
        assertEquals("2", d.value());
        assertEquals(c.creationTime(), d.creationTime());
        assertThrows(IllegalArgumentException.class, () -> Cookie.builder().name("a;b"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.builder().name("a=b"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.builder().value("x\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.builder().path("x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Cookie.builder().name("a").build());
        assertEquals("a cookie needs a name, a value and a domain; missing: value domain", e.getMessage());
    }

    @Test
    void matchesByDomainPathAndSecurity() {
        Cookie c = Cookie.builder().name("a").value("1").domain("example.com").path("/foo").secure(true).build();
        assertTrue(c.matches(URI.create("https://example.com/foo")));
        assertTrue(c.matches(URI.create("https://www.example.com/foo/bar")));
        assertFalse(c.matches(URI.create("https://example.com/football")));
        assertFalse(c.matches(URI.create("http://example.com/foo")));
        assertFalse(c.matches(URI.create("https://localhost/foo")), "domain differs");
        assertFalse(c.matches(URI.create("https://badexample.com/foo")));
    }

    @Test
    void expiryAndEquality() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Cookie c = Cookie.builder().name("a").value("1").domain("e.com").creationTime(t).expiresAt(t.plusSeconds(5)).build();
        assertFalse(c.isExpired(t.plusSeconds(4)));
        assertTrue(c.isExpired(t.plusSeconds(5)));
        assertEquals(c, c.newBuilder().build());
        assertEquals(c.hashCode(), c.newBuilder().build().hashCode());
        assertTrue(c.toString().startsWith("a=1; Domain=e.com; Path=/; Expires=Thu, 01 Jan 2026 00:00:05 GMT"), c.toString());
    }

    @Test
    void formatsAndParsesCookieDates() {
        Instant t = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", CookieDates.format(t));
        assertEquals(t, CookieDates.parse(CookieDates.format(t)));
        assertEquals(t, CookieDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(t, CookieDates.parse("Sun Nov  6 08:49:37 1994"));
        assertNull(CookieDates.parse("Fri, 30 Feb 2024 00:00:00 GMT"), "no such date");
        assertNull(CookieDates.parse("Mon, 01 Jan 1600 00:00:00 GMT"), "before 1601");
        assertNull(CookieDates.parse(""));
    }

    @Test
    void defaultPathAndPathMatch() {
        assertEquals("/", CookiePaths.defaultPath(""));
        assertEquals("/", CookiePaths.defaultPath("/"));
        assertEquals("/", CookiePaths.defaultPath("/login"));
        assertEquals("/docs", CookiePaths.defaultPath("/docs/"));
        assertEquals("/a/b", CookiePaths.defaultPath("/a/b/c"));
        assertTrue(CookiePaths.pathMatches("/foo/bar", "/foo"));
        assertTrue(CookiePaths.pathMatches("/foo/bar", "/foo/"));
        assertFalse(CookiePaths.pathMatches("/football", "/foo"));
    }

    @Test
    void recognisesIpAddressesAndLoopbackHosts() {
        assertTrue(HostNames.isIpAddress("192.0.2.1"));
        assertTrue(HostNames.isIpAddress("::1"));
        assertFalse(HostNames.isIpAddress("1.2.3"));
        assertFalse(HostNames.isIpAddress("1.2.3.256"));
        assertFalse(HostNames.isIpAddress("example.com"));
        assertTrue(HostNames.isLoopback("127.8.9.10"));
        assertTrue(HostNames.isLoopback("app.localhost"));
        assertFalse(HostNames.isLoopback("127.example.com"));
        assertEquals("xn--bcher-kva.example", HostNames.canonicalize("Bücher.Example"));
        assertEquals("::1", HostNames.canonicalize("[::1]"));
    }
}
