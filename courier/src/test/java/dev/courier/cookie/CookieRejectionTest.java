package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule that makes a jar refuse a Set-Cookie, each with its reason visible. */
class CookieRejectionTest {

    private final List<StoreOutcome> heard = new ArrayList<>();
    private final MemoryCookieJar jar = MemoryCookieJar.builder()
            .clock(TestClock.at("2026-01-01T00:00:00Z")).listener(heard::add).build();

    private StoreOutcome store(String url, String header) {
        List<StoreOutcome> out = jar.store(URI.create(url), List.of(header));
        assertEquals(1, out.size());
        assertEquals(out.get(0), heard.get(heard.size() - 1), "the listener hears the same outcome");
        return out.get(0);
    }

    private void assertRejected(StoreOutcome o, String messageStart) {
        assertEquals(StoreOutcome.Kind.REJECTED, o.kind(), o.message());
        assertTrue(o.message().startsWith(messageStart), () -> "message was: " + o.message());
        assertEquals(0, jar.size(), "nothing stored");
    }

    @Test
    void rejectsDomainThatIsATopLevelPublicSuffix() {
        assertRejected(store("https://www.example.com/", "sid=1; Domain=com"),
                "rejected cookie \"sid\": Domain=com is a public suffix");
    }

    @Test
    void rejectsDomainThatIsAMultiLabelPublicSuffix() {
        assertRejected(store("https://shop.example.co.uk/", "sid=1; Domain=.co.uk"),
                "rejected cookie \"sid\": Domain=co.uk is a public suffix");
    }

    @Test
    void rejectsDomainThatIsAPrivatePublicSuffix() {
        assertRejected(store("https://alice.github.io/", "sid=1; Domain=github.io"),
                "rejected cookie \"sid\": Domain=github.io is a public suffix");
    }

    @Test
    void acceptsPublicSuffixDomainEqualToTheHostAsHostOnly() {
        StoreOutcome o = store("https://github.io/", "sid=1; Domain=github.io");
        assertTrue(o.stored(), o.message());
        assertTrue(o.cookie().hostOnly());
        assertTrue(jar.cookiesFor(URI.create("https://alice.github.io/")).isEmpty(), "not sent to subdomains");
    }

    @Test
    void rejectsDomainThatDoesNotDomainMatchTheHost() {
        assertRejected(store("https://www.example.com/", "sid=1; Domain=example.org"),
                "rejected cookie \"sid\": Domain=example.org does not domain-match the request host www.example.com");
    }

    @Test
    void rejectsDomainOfASiblingOrChildHost() {
        assertRejected(store("https://www.example.com/", "sid=1; Domain=api.www.example.com"),
                "rejected cookie \"sid\": Domain=api.www.example.com does not domain-match");
    }

    @Test
    void rejectsDomainSuffixThatIsNotOnALabelBoundary() {
        assertRejected(store("https://badexample.com/", "sid=1; Domain=example.com"),
                "rejected cookie \"sid\": Domain=example.com does not domain-match");
    }

    @Test
    void rejectsOtherDomainForAnIpHostAndKeepsIpCookiesHostOnly() {
        assertRejected(store("http://192.0.2.7/", "a=1; Domain=0.2.7"), "rejected cookie \"a\": Domain=0.2.7");
        StoreOutcome o = store("http://192.0.2.7/", "a=1; Domain=192.0.2.7");
        assertTrue(o.stored(), o.message());
        assertTrue(o.cookie().hostOnly(), "IP cookies are host-only");
    }

    @Test
    void rejectsSecureCookieFromPlainHttp() {
        assertRejected(store("http://example.com/", "sid=1; Secure"),
                "rejected cookie \"sid\": it is Secure but was set over http://example.com");
    }

    @Test
    void acceptsSecureCookieFromLoopbackHttp() {
        assertTrue(store("http://127.0.0.1:8080/", "sid=1; Secure").stored());
        assertTrue(store("http://localhost:8080/", "sid=1; Secure").stored());
        assertEquals(List.of("sid=1"), pairs("http://localhost:8080/"));
    }

    @Test
    void rejectsSecurePrefixWithoutSecure() {
        assertRejected(store("https://example.com/", "__Secure-sid=1"),
                "rejected cookie \"__Secure-sid\": a __Secure- cookie needs the Secure attribute");
    }

    @Test
    void rejectsSecurePrefixInAnyCase() {
        assertRejected(store("https://example.com/", "__SECURE-sid=1"),
                "rejected cookie \"__SECURE-sid\": a __Secure- cookie needs the Secure attribute");
    }

    @Test
    void rejectsHostPrefixWithDomain() {
        assertRejected(store("https://www.example.com/", "__Host-sid=1; Secure; Path=/; Domain=example.com"),
                "rejected cookie \"__Host-sid\": a __Host- cookie must not have a Domain attribute");
    }

    @Test
    void rejectsHostPrefixWithoutRootPath() {
        assertRejected(store("https://www.example.com/", "__Host-sid=1; Secure"),
                "rejected cookie \"__Host-sid\": a __Host- cookie needs Path=/");
        assertRejected(store("https://www.example.com/", "__Host-sid=1; Secure; Path=/docs"),
                "rejected cookie \"__Host-sid\": a __Host- cookie needs Path=/");
    }

    @Test
    void acceptsWellFormedPrefixedCookies() {
        assertTrue(store("https://www.example.com/a/b", "__Host-sid=1; Secure; Path=/").stored());
        assertTrue(store("https://www.example.com/", "__Secure-x=1; Secure; Domain=example.com").stored());
        assertEquals(List.of("__Host-sid=1", "__Secure-x=1"), pairs("https://www.example.com/"));
    }

    @Test
    void rejectsOversizeCookie() {
        String value = "v".repeat(4096);
        assertRejected(store("https://example.com/", "big=" + value),
                "rejected cookie \"big\": name and value take 4099 bytes, over maxNameValueBytes=4096");
    }

    @Test
    void countsSizeInUtf8Bytes() {
        String value = "é".repeat(2047); // 4094 bytes + 1 for the name = 4095: fits
        assertTrue(store("https://example.com/", "a=" + value).stored());
        jar.clear();
        assertRejected(store("https://example.com/", "ab=" + value + "é"),
                "rejected cookie \"ab\": name and value take 4098 bytes");
    }

    @Test
    void rejectsSameSiteNoneWithoutSecure() {
        assertRejected(store("https://example.com/", "sid=1; SameSite=None"),
                "rejected cookie \"sid\": SameSite=None needs the Secure attribute");
    }

    @Test
    void rejectsPartitionedWithoutSecure() {
        assertRejected(store("https://example.com/", "sid=1; Partitioned"),
                "rejected cookie \"sid\": Partitioned needs the Secure attribute");
    }

    @Test
    void rejectsHeaderWithoutEqualsOrWithEmptyName() {
        assertRejected(store("https://example.com/", "justtext"),
                "rejected Set-Cookie \"justtext\": the name-value pair \"justtext\" has no '='");
        assertRejected(store("https://example.com/", "=value"),
                "rejected Set-Cookie \"=value\": the cookie name is empty");
    }

    @Test
    void rejectsHeaderWithControlCharacter() {
        assertRejected(store("https://example.com/", "a=b\u0001c"),
                "rejected Set-Cookie \"a=b\\x01c\": it has control character (0x01) at offset 3");
    }

    @Test
    void rejectsInsecureCookieThatWouldShadowASecureOne() {
        assertTrue(store("https://example.com/", "sid=secret; Secure; Path=/").stored());
        StoreOutcome o = jar.store(URI.create("http://example.com/app"), List.of("sid=evil; Path=/app")).get(0);
        assertEquals(StoreOutcome.Kind.REJECTED, o.kind());
        assertTrue(o.message().startsWith("rejected cookie \"sid\": it would overwrite or shadow the Secure cookie for example.com/"),
                o.message());
        assertEquals(List.of("sid=secret"), pairs("https://example.com/app"));
    }

    @Test
    void ignoresEmptyDomainAttributeInsteadOfRejecting() {
        StoreOutcome o = store("https://example.com/", "a=1; Domain=");
        assertTrue(o.stored());
        assertTrue(o.cookie().hostOnly());
        assertFalse(o.message().contains("rejected"));
    }

    private List<String> pairs(String url) {
        List<String> out = new ArrayList<>();
        for (Cookie c : jar.cookiesFor(URI.create(url))) {
            out.add(c.pair());
        }
        return out;
    }
}
