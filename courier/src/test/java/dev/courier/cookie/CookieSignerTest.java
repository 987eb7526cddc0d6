package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signed cookie values: valid, tampered, expired, unknown key, rotation, format. */
class CookieSignerTest {

    private static final byte[] KEY1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY2 = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");

    private CookieSigner signer(byte[] key, byte[]... old) {
        return CookieSigner.builder(key).oldKeys(List.of(old)).clock(clock).maxAge(Duration.ofHours(1)).build();
    }

    @Test
    void verifiesWhatItSignedAndTheValueIsACookieOctetString() {
        CookieSigner s = signer(KEY1);
        String signed = s.sign("user=42; name=Ada Lovelace é");
        for (char c : signed.toCharArray()) {
            assertTrue(CookieChars.isCookieOctet(c), "not a cookie-octet: " + c);
        }
        CookieSigner.Verification v = s.verify(signed);
        assertEquals(CookieSigner.Status.VALID, v.status(), v.reason());
        assertEquals("user=42; name=Ada Lovelace é", v.value());
        assertEquals(Optional.of("user=42; name=Ada Lovelace é"), s.unsign(signed));
        SetCookie.builder("session", signed).build(); // accepted by the strict builder
    }

    @Test
    void detectsATamperedValueTimestampOrSignature() {
        CookieSigner s = signer(KEY1);
        String signed = s.sign("role=user");
        String[] p = signed.split("\\.");
        String otherValue = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("role=admin".getBytes(StandardCharsets.UTF_8));
        assertEquals(CookieSigner.Status.BAD_SIGNATURE, s.verify(otherValue + "." + p[1] + "." + p[2] + "." + p[3]).status());
        assertEquals(CookieSigner.Status.BAD_SIGNATURE, s.verify(p[0] + "." + (Long.parseLong(p[1]) + 1) + "." + p[2] + "." + p[3]).status());
        char last = p[3].charAt(0);
        String flipped = (last == 'A' ? 'B' : 'A') + p[3].substring(1);
        assertEquals(CookieSigner.Status.BAD_SIGNATURE, s.verify(p[0] + "." + p[1] + "." + p[2] + "." + flipped).status());
        assertEquals(Optional.empty(), s.unsign(otherValue + "." + p[1] + "." + p[2] + "." + p[3]));
    }

    @Test
    void rejectsExpiredSignatures() {
        CookieSigner s = signer(KEY1);
        String signed = s.sign("x");
        clock.advance(Duration.ofMinutes(60));
        assertTrue(s.verify(signed).valid(), "exactly maxAge old is still valid");
        clock.advance(Duration.ofSeconds(1));
        CookieSigner.Verification v = s.verify(signed);
        assertEquals(CookieSigner.Status.EXPIRED, v.status());
        assertTrue(v.reason().startsWith("signed 3601 s ago"), v.reason());
    }

    @Test
    void rotatesKeysSigningWithTheFirstAndVerifyingWithAll() {
        String oldSigned = signer(KEY1).sign("x");
        CookieSigner rotated = signer(KEY2, KEY1);
        assertTrue(rotated.verify(oldSigned).valid(), "old key still verifies");
        String newSigned = rotated.sign("x");
        assertTrue(signer(KEY2).verify(newSigned).valid(), "signed with the first key");
        assertEquals(CookieSigner.Status.UNKNOWN_KEY, signer(KEY1).verify(newSigned).status());
        assertEquals(CookieSigner.Status.UNKNOWN_KEY, signer(KEY2).verify(oldSigned).status(), "retired key");
    }

    @Test
    void separatesPurposesBySalt() {
        String signed = CookieSigner.builder(KEY1).salt("session").clock(clock).build().sign("x");
        assertEquals(CookieSigner.Status.BAD_SIGNATURE, CookieSigner.builder(KEY1).salt("remember-me").clock(clock).build().verify(signed).status());
    }

    @Test
    void rejectsMalformedInputAndShortKeys() {
        CookieSigner s = signer(KEY1);
        assertEquals(CookieSigner.Status.MALFORMED, s.verify("").status());
        assertEquals(CookieSigner.Status.MALFORMED, s.verify("a.b.c").status());
        assertEquals(CookieSigner.Status.MALFORMED, s.verify("a.notanumber.c.d").status());
        assertEquals(CookieSigner.Status.MALFORMED, s.verify("!!.1.c.d").status());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CookieSigner.builder(new byte[16]));
        assertTrue(e.getMessage().startsWith("signing key has 16 bytes, under MIN_KEY_BYTES=32"), e.getMessage());
        assertFalse(s.verify("a.b.c").valid());
    }
}
