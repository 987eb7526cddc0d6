package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UrlTest {

    @Test
    void splitsEveryComponent() {
        Url u = Url.parse("HTTPS://user:p%40ss@Example.COM:8443/a/b?q=1&r=2#frag");
        assertEquals("https", u.scheme());
        assertEquals("user:p%40ss", u.userInfo());
        assertEquals("user", u.username());
        assertEquals("p@ss", u.password());
        assertEquals("example.com", u.host());
        assertEquals(8443, u.port());
        assertEquals(OptionalInt.of(8443), u.explicitPort());
        assertEquals("/a/b", u.path());
        assertEquals("q=1&r=2", u.query());
        assertEquals("frag", u.fragment());
        assertEquals("https://user:p%40ss@example.com:8443/a/b?q=1&r=2#frag", u.toString());
    }

    @Test
    void usesTheSchemesDefaultPortWhenNoneIsWritten() {
        assertEquals(80, Url.parse("http://a/").port());
        assertEquals(443, Url.parse("https://a/").port());
        assertEquals(443, Url.parse("wss://a/").port());
        assertEquals(-1, Url.parse("ftp://a/").port());
        assertEquals(OptionalInt.empty(), Url.parse("http://a/").explicitPort());
        assertEquals(OptionalInt.empty(), Url.parse("http://a:/").explicitPort(), "an empty port is no port");
        assertEquals(OptionalInt.of(80), Url.parse("http://a:0080/").explicitPort());
        assertEquals("http://a:80/", Url.parse("http://a:0080/").toString());
    }

    @Test
    void distinguishesAbsentFromEmptyComponents() {
        Url none = Url.parse("http://a");
        assertEquals("", none.path());
        assertNull(none.query());
        assertNull(none.fragment());
        assertNull(none.userInfo());
        assertNull(none.username());
        assertNull(none.password());
        Url empty = Url.parse("http://@a/?#");
        assertEquals("", empty.userInfo());
        assertEquals("", empty.query());
        assertEquals("", empty.fragment());
        assertEquals("http://@a/?#", empty.toString());
        assertNull(Url.parse("http://u@a/").password());
    }

    @Test
    void parsesIpv6LiteralsAndBracketsThemAgain() {
        Url u = Url.parse("http://[::1]:8080/x");
        assertEquals("::1", u.host());
        assertEquals("[::1]:8080", u.hostHeader());
        assertEquals("http://[::1]:8080/x", u.toString());
        assertEquals("2001:db8::1", Url.parse("http://[2001:DB8::1]/").host());
        assertEquals("::ffff:127.0.0.1", Url.parse("http://[::ffff:127.0.0.1]/").host());
        assertEquals("1:2:3:4:5:6:7:8", Url.parse("http://[1:2:3:4:5:6:7:8]/").host());
        assertEquals("[::]", Url.parse("https://[::]:443/").hostHeader());
        for (String bad : new String[] {"http://[1:2:3]/", "http://[::1::]/", "http://[12345::]/",
            "http://[1:2:3:4:5:6:7:8:9]/", "http://[::1.2.3.256]/", "http://[:1]/", "http://[1:]/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Url.parse(bad), bad);
            assertTrue(e.getMessage().contains("not an IPv6 address"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Url.parse("http://[::1/"))
                .getMessage().contains("no closing ']'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Url.parse("http://[::1]x/"))
                .getMessage().contains("'x' (0x78) at offset 12 cannot follow ']'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Url.parse("http://[fe80::1%25eth0]/"))
                .getMessage().contains("zone"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Url.parse("http://[v1.x]/"))
                .getMessage().contains("IPvFuture"));
    }

    @Test
    void convertsInternationalHostsToLowerCasePunycode() {
        assertEquals("xn--bcher-kva.example", Url.parse("http://B\u00fccher.example/").host());
        assertEquals("xn--r8jz45g.xn--zckzah", Url.parse("http://\u4f8b\u3048.\u30c6\u30b9\u30c8/").host());
        assertEquals("example.com", Url.parse("http://EXAMPLE.com").host());
        String tooLong = "\u00e9".repeat(70) + ".example";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Url.parse("http://" + tooLong + "/"));
        assertTrue(e.getMessage().contains("internationalized"), e.getMessage());
    }

    @Test
    void percentEncodesEachComponentAndKeepsValidEscapes() {
        Url u = Url.parse("http://a/\u00e4 ?\u00f6#\u00fc".replace(" ", ""));
        assertEquals("/%C3%A4", u.path());
        assertEquals("%C3%B6", u.query());
        assertEquals("%C3%BC", u.fragment());
        assertEquals("/A%2f%25zz%25", Url.parse("http://a/%41%2f%zz%").path(), "unreserved escapes decoded");
        assertEquals("/etc", Url.parse("http://a/x/%2e%2E/etc").path(), "escaped dots are dots (§6.2.2.2)");
        assertEquals("/%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D", Url.parse("http://a/\"<>\\^`{|}[]").path());
        assertEquals("/!$&'()*+,;=:@-._~", Url.parse("http://a/!$&'()*+,;=:@-._~").path());
        assertEquals("a=/?:@&b%23", Url.parse("http://a/?a=/?:@&b#").query() + "%23");
        assertEquals("x?y/%23", Url.parse("http://a/#x?y/%23").fragment());
        assertEquals("%F0%9F%98%80", Url.parse("http://a/?\uD83D\uDE00").query());
        assertEquals("us%C3%A9r:p%3Cw", Url.parse("http://us\u00e9r:p<w@a/").userInfo());
        assertEquals("us\u00e9r", Url.parse("http://us\u00e9r:p<w@a/").username());
    }

    @Test
    void removesDotSegmentsFromHttpPathsOnly() {
        assertEquals("/c/d", Url.parse("http://a/b/../c/./d").path());
        assertEquals("/", Url.parse("https://a/..").path());
        assertEquals("/b/../c", Url.parse("ftp://a/b/../c").path());
    }

    @Test
    void supportsOtherSchemesWithAndWithoutAuthority() {
        Url mail = Url.parse("mailto:ada@example.com");
        assertEquals("mailto", mail.scheme());
        assertNull(mail.host());
        assertEquals("ada@example.com", mail.path());
        assertThrows(IllegalStateException.class, mail::origin);
        assertThrows(IllegalStateException.class, mail::hostHeader);
        Url file = Url.parse("file:///etc/hosts");
        assertEquals("", file.host());
        assertEquals("/etc/hosts", file.path());
        assertEquals("file:///etc/hosts", file.toString());
        assertEquals("urn:isbn:0451450523", Url.parse("URN:isbn:0451450523").toString());
    }

    @Test
    void buildsOriginRequestTargetAndHostHeader() {
        Url u = Url.parse("https://user@Example.com:443/p/q?x=1#f");
        assertEquals("https://example.com", u.origin());
        assertEquals("/p/q?x=1", u.requestTarget());
        assertEquals("example.com", u.hostHeader());
        assertEquals("http://a:8080", Url.parse("http://a:8080/x").origin());
        assertEquals("a:8080", Url.parse("http://a:8080/x").hostHeader());
        assertEquals("a:443", Url.parse("http://a:443/").hostHeader());
        assertEquals("/", Url.parse("http://a").requestTarget());
        assertEquals("/?", Url.parse("http://a?").requestTarget());
        assertEquals(Url.parse("http://a:80/").origin(), Url.parse("http://a/").origin());
        assertNotEquals(Url.parse("https://a/").origin(), Url.parse("http://a/").origin());
    }

    @Test
    void appendsQueryParametersAfterExistingOnes() {
        Url u = Url.parse("http://a/p?x=1#f");
        assertEquals("http://a/p?x=1&q=a+b&x=2#f", u.withQueryParams("q", "a b", "x", "2").toString());
        assertEquals("http://a/p?k=%26%3D%2B%23", Url.parse("http://a/p").withQueryParams("k", "&=+#").toString());
        assertEquals("http://a/?k=v", Url.parse("http://a/?").withQueryParams(List.of(Map.entry("k", "v"))).toString());
        assertSame(u, u.withQueryParams());
        assertEquals("http://a/p?x=1#f", u.toString(), "original unchanged");
    }

    @Test
    void dropsFragmentAndUserInfoOnRequest() {
        Url u = Url.parse("http://u:p@a/x#f");
        assertEquals("http://u:p@a/x", u.withoutFragment().toString());
        assertEquals("http://a/x#f", u.withoutUserInfo().toString());
        Url plain = Url.parse("http://a/");
        assertSame(plain, plain.withoutFragment());
        assertSame(plain, plain.withoutUserInfo());
    }

    @Test
    void encodesRawPathSegments() {
        assertEquals("a%20b%2Fc%25d", Url.encodePathSegment("a b/c%d"));
        assertEquals("caf%C3%A9%0D%0A", Url.encodePathSegment("caf\u00e9\r\n"));
        assertEquals("a:b@c", Url.encodePathSegment("a:b@c"));
        assertThrows(IllegalArgumentException.class, () -> Url.encodePathSegment("\uD800"));
    }

    @Test
    void equalUrlsHaveEqualNormalizedText() {
        assertEquals(Url.parse("HTTP://A/%7e"), Url.parse("http://a/%7e"));
        assertEquals(Url.parse("http://a/\u00e9").hashCode(), Url.parse("http://a/%C3%A9").hashCode());
        assertEquals(Url.parse("http://a/%7e"), Url.parse("http://a/~"));
        assertNotEquals(Url.parse("http://a/%2F"), Url.parse("http://a/%2f"), "hex case of reserved escapes is kept");
        assertNotEquals(Url.parse("http://a/%2F"), Url.parse("http://a//"));
        assertFalse(Url.parse("http://a/").equals("http://a/"));
    }

    @Test
    void saysNoSchemeSuppliedLikeRequests() {
        assertEquals("Invalid URL \"example.com\": No scheme supplied. Perhaps you meant https://example.com?",
                message("example.com"));
        assertTrue(message("localhost:8080/x").endsWith("Perhaps you meant https://localhost:8080/x?"));
        assertTrue(message("example.com:443").endsWith("Perhaps you meant https://example.com:443?"));
        assertTrue(message("//cdn.example/x").endsWith("Perhaps you meant https://cdn.example/x?"));
        assertTrue(message("/path").contains("relative reference"));
        assertTrue(message("").contains("empty"));
        assertEquals(Url.parse("tel:5551234").path(), "5551234");
    }

    @Test
    void refusesControlCharactersAndSpaceNamingThemAndTheOffset() {
        String[][] cases = {
            {"http://a b/", "space (0x20) at offset 8"},
            {"http://a/x y", "space (0x20) at offset 10"},
            {"http://a/?q=\r\nX", "CR (0x0D) at offset 12"},
            {"http://a/#\n", "LF (0x0A) at offset 10"},
            {"http://a/\u0000", "NUL (0x00) at offset 9"},
            {"http://u\tp@a/", "HTAB (0x09) at offset 8"},
            {"http://a/\u007f", "control character (0x7F) at offset 9"},
            {" http://a/", "offset 0"},
        };
        for (String[] c : cases) {
            String m = message(c[0]);
            assertTrue(m.contains(c[1]), c[0] + " -> " + m);
            assertTrue(m.contains(Ascii.quote(c[0])), m);
        }
    }

    @Test
    void refusesMalformedAuthorities() {
        String[][] cases = {
            {"http://", "No host supplied"},
            {"https:///x", "No host supplied"},
            {"http:x", "No host supplied"},
            {"http://a:99999/", "port \"99999\" at offset 9 is above 65535"},
            {"http://a:8x/", "'x' (0x78) at offset 10 is not allowed in the port"},
            {"http://a@b@c/", "a second '@' at offset 10 is not allowed in the authority"},
            {"http://evil.example\\@good.example/", "'\\' at offset 19 is not allowed in the authority"},
            {"http://exa%41mple.com/", "'%' (0x25) at offset 10 is not allowed in a host name"},
            {"http://a<b/", "'<' (0x3C) at offset 8 is not allowed in a host name"},
            {"1http://a/", "'1' (0x31) at offset 0 is not allowed in a scheme"},
            {"ht_tp://a/", "'_' (0x5F) at offset 2 is not allowed in a scheme"},
            {"http://a/\uD800", "unpaired surrogate"},
        };
        for (String[] c : cases) {
            String m = message(c[0]);
            assertTrue(m.contains(c[1]), c[0] + " -> " + m);
        }
    }

    private static String message(String url) {
        return assertThrows(IllegalArgumentException.class, () -> Url.parse(url), url).getMessage();
    }
}
