package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side Set-Cookie builder: rendering, refusals with character and offset, round trip. */
class SetCookieTest {

    @Test
    void rendersEveryAttributeInAFixedOrder() {
        String v = SetCookie.builder("sid", "31d4d96e").maxAge(Duration.ofHours(2))
                .expires(Instant.parse("2026-06-09T10:18:14Z")).domain(".Example.com").path("/app")
                .secure(true).httpOnly(true).sameSite(SameSite.NONE).partitioned(true).build().headerValue();
        assertEquals("sid=31d4d96e; Max-Age=7200; Expires=Tue, 09 Jun 2026 10:18:14 GMT; Domain=Example.com;"
                + " Path=/app; Secure; HttpOnly; SameSite=None; Partitioned", v);
    }

    @Test
    void rendersAMinimalCookieAndAQuotedValue() {
        assertEquals("a=b", SetCookie.builder("a", "b").build().toString());
        assertEquals("a=\"b-c\"", SetCookie.builder("a", "\"b-c\"").build().headerValue());
        assertEquals("a=", SetCookie.builder("a", "").build().headerValue());
    }

    @Test
    void refusesANameThatIsNotAToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("my cookie", "1"));
        assertEquals("cookie name \"my cookie\" has space (0x20) at offset 2; a name must be an RFC 9110 token"
                + " (letters, digits, !#$%&'*+-.^_`|~)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a=b", "1"));
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("", "1"));
    }

    @Test
    void refusesValueCharactersOutsideCookieOctet() {
        String[][] cases = {
            {"a b", "space (0x20) at offset 1"},
            {"a,b", "',' (0x2C) at offset 1"},
            {"a;b", "';' (0x3B) at offset 1"},
            {"a\"b", "'\"' (0x22) at offset 1"},
            {"a\\b", "'\\' (0x5C) at offset 1"},
            {"ab\r\n", "CR (0x0D) at offset 2"},
            {"ab\u007f", "control character (0x7F) at offset 2"},
            {"é", "'é' (0xE9) at offset 0"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("n", c[0]));
            assertTrue(e.getMessage().contains("has " + c[1]), e.getMessage());
            assertTrue(e.getMessage().endsWith("outside RFC 6265 cookie-octet; encode the value (e.g. URL-safe base64)"));
        }
    }

    @Test
    void refusesBadDomainAndPath() {
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a", "1").domain("exa mple.com"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a", "1").path("/x;y"));
        assertTrue(e.getMessage().contains("';' (0x3B) at offset 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a", "1").path("relative"));
    }

    @Test
    void refusesCombinationsBrowsersDrop() {
        assertThrows(IllegalStateException.class, () -> SetCookie.builder("__Host-a", "1").path("/").build());
        assertThrows(IllegalStateException.class, () -> SetCookie.builder("__Host-a", "1").secure(true).build());
        assertThrows(IllegalStateException.class, () -> SetCookie.builder("__Host-a", "1").secure(true).path("/").domain("example.com").build());
        assertThrows(IllegalStateException.class, () -> SetCookie.builder("__Secure-a", "1").build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SetCookie.builder("a", "1").sameSite(SameSite.NONE).build());
        assertEquals("cookie \"a\": SameSite=None needs secure(true); browsers drop it otherwise", e.getMessage());
        assertThrows(IllegalStateException.class, () -> SetCookie.builder("a", "1").partitioned(true).build());
        assertEquals("__Host-a=1; Path=/; Secure", SetCookie.builder("__Host-a", "1").path("/").secure(true).build().headerValue());
    }

    @Test
    void refusesOversizeNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a", "b".repeat(4096)));
        assertTrue(e.getMessage().contains("name and value take 4097 bytes"), e.getMessage());
    }

    @Test
    void deleteRendersAnExpiredEmptyCookie() {
        assertEquals("sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=example.com; Path=/",
                SetCookie.delete("sid", "/", "example.com").headerValue());
    }

    @Test
    void theJarReadsBackWhatTheBuilderWrote() {
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        MemoryCookieJar jar = MemoryCookieJar.builder().clock(clock).build();
        String header = SetCookie.builder("sid", "x1").maxAge(Duration.ofMinutes(10)).domain("example.com").path("/")
                .secure(true).httpOnly(true).sameSite(SameSite.LAX).build().headerValue();
        StoreOutcome o = jar.store(URI.create("https://www.example.com/"), List.of(header)).get(0);
        assertTrue(o.stored(), o.message());
        Cookie c = o.cookie();
        assertEquals(List.of("sid", "x1", "example.com", "/"), List.of(c.name(), c.value(), c.domain(), c.path()));
        assertEquals(clock.instant().plusSeconds(600), c.expiresAt());
        assertTrue(c.secure() && c.httpOnly() && !c.hostOnly());
        assertEquals(SameSite.LAX, c.sameSite());
    }
}
