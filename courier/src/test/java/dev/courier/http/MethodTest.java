package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodTest {

    @Test
    void returnsTheSharedConstantForStandardMethods() {
        List<Method> all = List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.DELETE,
                Method.CONNECT, Method.OPTIONS, Method.TRACE, Method.PATCH);
        for (Method m : all) {
            assertSame(m, Method.of(m.name()));
            assertSame(m, Method.standard(m.name()));
            assertEquals(m.name(), m.toString());
        }
    }

    @Test
    void classifiesSafeIdempotentAndBodyMethodsPerRfc9110() {
        for (Method m : List.of(Method.GET, Method.HEAD, Method.OPTIONS, Method.TRACE)) {
            assertTrue(m.isSafe() && m.isIdempotent(), m.name());
            assertFalse(m.expectsBody(), m.name());
        }
        assertTrue(Method.PUT.isIdempotent() && !Method.PUT.isSafe() && Method.PUT.expectsBody());
        assertTrue(Method.DELETE.isIdempotent() && !Method.DELETE.isSafe());
        assertFalse(Method.POST.isIdempotent() || Method.POST.isSafe());
        assertTrue(Method.POST.expectsBody() && Method.PATCH.expectsBody());
        assertFalse(Method.PATCH.isIdempotent());
        assertFalse(Method.CONNECT.isSafe() || Method.CONNECT.isIdempotent() || Method.CONNECT.expectsBody());
    }

    @Test
    void treatsMethodNamesAsCaseSensitive() {
        Method lower = Method.of("get");
        assertNotEquals(Method.GET, lower);
        assertFalse(lower.isSafe() || lower.isIdempotent());
        assertNull(Method.standard("get"));
    }

    @Test
    void acceptsAnyTokenAsAnExtensionMethod() {
        Method m = Method.of("PROPFIND");
        assertEquals("PROPFIND", m.name());
        assertEquals(m, Method.of("PROPFIND"));
        assertEquals(m.hashCode(), Method.of("PROPFIND").hashCode());
        assertFalse(m.isSafe() || m.isIdempotent() || m.expectsBody());
        assertEquals("M-SEARCH", Method.of("M-SEARCH").name());
        assertNotEquals(m, "PROPFIND");
    }

    @Test
    void refusesNonTokensNamingCharacterAndOffset() {
        Object[][] cases = {
            {"GET /evil HTTP/1.1\r\n", "space (0x20)", 3},
            {"GE\rT", "CR (0x0D)", 2},
            {"G\nET", "LF (0x0A)", 1},
            {"GET\u0000", "NUL (0x00)", 3},
            {"P(OST)", "'(' (0x28)", 1},
            {"P\u00d6ST", "(0xD6)", 1},
        };
        for (Object[] c : cases) {
            String m = assertThrows(IllegalArgumentException.class, () -> Method.of((String) c[0])).getMessage();
            assertTrue(m.contains((String) c[1]) && m.contains("offset " + c[2]), m);
            assertFalse(m.contains("\r") || m.contains("\n"), m);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Method.of("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Method.of(null)).getMessage().contains("null"));
        assertNull(Method.standard(null));
    }
}
