package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static Request withParams(Map<String, String> params) {
        return new RoutedRequest(TestRequest.get("/x"), params);
    }

    @Test
    void pathParamReturnsTheDecodedValue() {
        assertEquals("a b", withParams(Map.of("id", "a b")).pathParam("id"));
    }

    @Test
    void missingPathParamNamesTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withParams(Map.of("id", "1")).pathParam("idd"));
        assertTrue(e.getMessage().contains("\"idd\"") && e.getMessage().contains("[id]"), e.getMessage());
    }

    @Test
    void pathParamIntParsesDecimalsIncludingSignsAndLimits() {
        assertEquals(42, withParams(Map.of("n", "42")).pathParamInt("n"));
        assertEquals(-7, withParams(Map.of("n", "-7")).pathParamInt("n"));
        assertEquals(7, withParams(Map.of("n", "+7")).pathParamInt("n"));
        assertEquals(Integer.MAX_VALUE, withParams(Map.of("n", "2147483647")).pathParamInt("n"));
        assertEquals(Integer.MIN_VALUE, withParams(Map.of("n", "-2147483648")).pathParamInt("n"));
        assertEquals(7, withParams(Map.of("n", "007")).pathParamInt("n"));
    }

    @Test
    void pathParamIntRejectsAnythingElseWith400() {
        String[] bad = {"", "-", "+", "abc", "1.5", " 1", "1 ", "1e3", "0x10", "2147483648", "-2147483649",
            "١٢", "99999999999999999999"};
        for (String v : bad) {
            AbortException e = assertThrows(AbortException.class,
                    () -> withParams(Map.of("id", v)).pathParamInt("id"), v);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("path parameter \"id\" must be a decimal int"), e.getMessage());
        }
    }

    @Test
    void pathParamLongCoversTheWholeRange() {
        assertEquals(Long.MAX_VALUE, withParams(Map.of("n", "9223372036854775807")).pathParamLong("n"));
        assertEquals(Long.MIN_VALUE, withParams(Map.of("n", "-9223372036854775808")).pathParamLong("n"));
        assertEquals(1L << 40, withParams(Map.of("n", String.valueOf(1L << 40))).pathParamLong("n"));
        for (String v : new String[] {"9223372036854775808", "-9223372036854775809", "18446744073709551616"}) {
            assertEquals(400, assertThrows(AbortException.class,
                    () -> withParams(Map.of("n", v)).pathParamLong("n")).status(), v);
        }
    }

    @Test
    void badValueIsQuotedAndEscapedInTheMessage() {
        AbortException e = assertThrows(AbortException.class,
                () -> withParams(Map.of("id", "1\r\n2")).pathParamLong("id"));
        assertTrue(e.getMessage().contains("\"1\\r\\n2\""), e.getMessage());
    }

    @Test
    void bodyTextUsesTheContentTypeCharset() throws IOException {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        Request req = TestRequest.withBody(Method.POST, "/x",
                Headers.of("Content-Type", "text/plain; charset=ISO-8859-1"), latin1);
        assertEquals("café", req.bodyText());
    }

    @Test
    void bodyTextDefaultsToUtf8() throws IOException {
        Request req = TestRequest.of(Method.POST, "/x", Headers.empty(), "café");
        assertEquals("café", req.bodyText());
        Request unknown = TestRequest.of(Method.POST, "/x", Headers.of("Content-Type", "text/plain; charset=x-nope"), "é");
        assertEquals("é", unknown.bodyText());
    }

    @Test
    void routedRequestDelegatesEverythingButParams() throws IOException {
        TestRequest base = TestRequest.of(Method.PUT, "/a%20b?x=1&y", Headers.of("X-A", "1"), "body");
        Request routed = new RoutedRequest(base, Map.of("p", "v"));
        assertEquals(Method.PUT, routed.method());
        assertEquals("/a%20b", routed.path());
        assertEquals("x=1&y", routed.rawQuery());
        assertEquals("1", routed.header("x-a"));
        assertEquals("body", routed.bodyText());
        assertEquals(50000, routed.remoteAddress().getPort());
        routed.attributes().put("k", "v");
        assertEquals("v", base.attributes().get("k"));
        assertEquals(Map.of("p", "v"), routed.pathParams());
        assertEquals(Map.of(), base.pathParams());
    }

    @Test
    void queryIsEmptyWithoutAQuestionMarkAndKeepsEveryValueInOrder() {
        assertEquals(Map.of(), TestRequest.get("/p").queryParams());
        TestRequest r = TestRequest.get("/p?a=2&b=&a=1&c");
        assertEquals(List.of("2", "1"), r.queryAll("a"));
        assertEquals("", r.query("b"));
        assertEquals("", r.query("c"));
        assertEquals(List.of(), r.queryAll("zz"));
    }

    @Test
    void cookiesComeFromEveryCookieFieldFirstNameWinning() {
        TestRequest r = TestRequest.of(Method.GET, "/",
                Headers.of("Cookie", "a=1; b=2", "Cookie", "a=3; c=\"4\""), "");
        assertEquals("1", r.cookie("a"));
        assertEquals("4", r.cookie("c"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(r.cookies().keySet()));
        assertEquals(null, TestRequest.get("/").cookie("a"));
    }

    @Test
    void jsonOfABadBodyIs400() {
        TestRequest r = TestRequest.of(Method.POST, "/", Headers.empty(), "{nope");
        AbortException e = assertThrows(AbortException.class, () -> r.json(Map.class));
        assertEquals(400, e.status());
    }
}
