package dev.courier.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.http.Url;
import org.junit.jupiter.api.Test;

class RedirectRulesTest {

    @Test
    void seeOtherTurnsEveryMethodButHeadIntoGet() {
        assertEquals(Method.GET, RedirectRules.rebuildMethod(Method.POST, 303));
        assertEquals(Method.GET, RedirectRules.rebuildMethod(Method.DELETE, 303));
        assertEquals(Method.HEAD, RedirectRules.rebuildMethod(Method.HEAD, 303));
    }

    @Test
    void movedAndFoundTurnOnlyPostIntoGet() {
        assertEquals(Method.GET, RedirectRules.rebuildMethod(Method.POST, 301));
        assertEquals(Method.GET, RedirectRules.rebuildMethod(Method.POST, 302));
        assertEquals(Method.PUT, RedirectRules.rebuildMethod(Method.PUT, 302));
    }

    @Test
    void temporaryAndPermanentRedirectKeepMethodAndBody() {
        assertEquals(Method.POST, RedirectRules.rebuildMethod(Method.POST, 307));
        assertEquals(Method.PATCH, RedirectRules.rebuildMethod(Method.PATCH, 308));
        assertTrue(RedirectRules.keepsBody(307));
        assertTrue(RedirectRules.keepsBody(308));
        assertFalse(RedirectRules.keepsBody(302));
    }

    @Test
    void credentialsAreStrippedAcrossOriginsAndOnDowngradeButKeptOnUpgrade() {
        Url a = Url.parse("http://example.com/x");
        assertFalse(RedirectRules.shouldStripAuth(a, Url.parse("http://example.com/y")));
        assertTrue(RedirectRules.shouldStripAuth(a, Url.parse("http://other.com/y")));
        assertTrue(RedirectRules.shouldStripAuth(a, Url.parse("http://example.com:8080/y")));
        assertFalse(RedirectRules.shouldStripAuth(a, Url.parse("https://example.com/y")));
        assertTrue(RedirectRules.shouldStripAuth(Url.parse("https://example.com/"), Url.parse("http://example.com/")));
    }

    @Test
    void rebuiltHeadersLoseCredentialsCookiesAndBodyFields() {
        Headers h = Headers.of("Authorization", "Basic x", "Cookie", "a=1", "Proxy-Authorization", "p",
                "Content-Type", "text/plain", "Content-Length", "3", "X-Keep", "1");
        Headers noBody = RedirectRules.rebuildHeaders(h, false);
        assertNull(noBody.get("Authorization"));
        assertNull(noBody.get("Cookie"));
        assertNull(noBody.get("Proxy-Authorization"));
        assertNull(noBody.get("Content-Type"));
        assertEquals("1", noBody.get("X-Keep"));
        assertEquals("3", RedirectRules.rebuildHeaders(h, true).get("Content-Length"));
    }
}
