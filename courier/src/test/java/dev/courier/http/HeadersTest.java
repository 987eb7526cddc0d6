package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void looksUpNamesIgnoringCase() {
        Headers h = Headers.of("Content-Type", "text/html", "X-Trace", "1");
        assertEquals("text/html", h.get("content-type"));
        assertEquals("text/html", h.get("CONTENT-TYPE"));
        assertTrue(h.contains("x-trace"));
        assertFalse(h.contains("X-Missing"));
        assertNull(h.get("X-Missing"));
        assertEquals("dflt", h.getOrDefault("X-Missing", "dflt"));
        assertEquals("1", h.getOrDefault("x-TRACE", "dflt"));
    }

    @Test
    void keepsOrderSpellingAndRepeatedNames() {
        Headers h = Headers.builder()
                .add("Accept", "text/html")
                .add("X-A", "1")
                .add("accept", "application/json")
                .build();
        assertEquals(3, h.size());
        assertEquals("Accept", h.name(0));
        assertEquals("accept", h.name(2));
        assertEquals("application/json", h.value(2));
        assertEquals("text/html", h.get("ACCEPT"), "get returns the first value");
        assertEquals(List.of("text/html", "application/json"), h.all("Accept"));
        assertEquals(List.of(), h.all("Nope"));
        assertEquals("Accept: text/html\nX-A: 1\naccept: application/json\n", h.toString());
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertEquals(List.of("Accept=text/html", "X-A=1", "accept=application/json"), seen);
        List<String> iterated = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            iterated.add(e.getKey() + "=" + e.getValue());
        }
        assertEquals(seen, iterated);
    }

    @Test
    void iteratorEndsWithNoSuchElement() {
        Iterator<Map.Entry<String, String>> it = Headers.of("A", "1").iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void listsDistinctNamesAsFirstSpelled() {
        Headers h = Headers.of("Set-Cookie", "a=1", "X-B", "2", "set-cookie", "b=2");
        assertEquals(List.of("Set-Cookie", "X-B"), List.copyOf(h.names()));
        assertThrows(UnsupportedOperationException.class, () -> h.names().add("x"));
    }

    @Test
    void buildsALowerCasedMultimap() {
        Headers h = Headers.of("Set-Cookie", "a=1", "X-B", "2", "SET-COOKIE", "b=2");
        Map<String, List<String>> m = h.toMultimap();
        assertEquals(Map.of("set-cookie", List.of("a=1", "b=2"), "x-b", List.of("2")), m);
        assertEquals(List.of("set-cookie", "x-b"), List.copyOf(m.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.put("z", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> m.get("x-b").add("3"));
    }

    @Test
    void setReplacesEveryFieldOfThatNameAndRemoveAllDropsThem() {
        Headers h = Headers.of("A", "1", "B", "2", "a", "3");
        Headers set = h.newBuilder().set("a", "9").build();
        assertEquals("B: 2\na: 9\n", set.toString());
        Headers removed = h.newBuilder().removeAll("A").build();
        assertEquals("B: 2\n", removed.toString());
        assertEquals(3, h.size(), "original unchanged");
        Headers.Builder b = Headers.builder().add("X", "1");
        assertEquals("1", b.get("x"));
        assertNull(b.get("y"));
        assertTrue(b.removeAll("x").build().isEmpty());
    }

    @Test
    void addAllCopiesInOrderAndBuilderGrowsPastItsInitialSize() {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < 40; i++) {
            b.add("H" + i, Integer.toString(i));
        }
        Headers big = b.build();
        assertEquals(40, big.size());
        assertEquals("39", big.get("h39"));
        Headers both = Headers.builder().add("First", "0").addAll(big).build();
        assertEquals(41, both.size());
        assertEquals("H0", both.name(1));
        assertThrows(IndexOutOfBoundsException.class, () -> big.name(40));
        assertThrows(IndexOutOfBoundsException.class, () -> big.value(-1));
    }

    @Test
    void trimsSpacesAndTabsAroundValues() {
        Headers h = Headers.of("A", " \t x y \t ", "B", "   ");
        assertEquals("x y", h.get("a"));
        assertEquals("", h.get("b"));
        assertEquals("a\tb", Headers.of("C", "a\tb").get("c"), "inner HTAB is allowed");
    }

    @Test
    void keepsLatin1ValuesAndRefusesAnythingAbove() {
        assertEquals("caf\u00e9 \u00ff", Headers.of("X", "caf\u00e9 \u00ff").get("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Headers.of("X-Name", "ab\u20ac"));
        assertTrue(e.getMessage().contains("\"X-Name\"") && e.getMessage().contains("U+20AC")
                && e.getMessage().contains("offset 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Headers.of("X", "\u0100"));
    }

    @Test
    void refusesControlCharactersInValuesNamingHeaderAndOffset() {
        Object[][] cases = {
            {"a\rb", "CR (0x0D)", 1},
            {"ab\nInjected: 1", "LF (0x0A)", 2},
            {"abc\u0000", "NUL (0x00)", 3},
            {"x\u0001", "control character (0x01)", 1},
            {"x\u001f", "control character (0x1F)", 1},
            {"xy\u007f", "control character (0x7F)", 2},
        };
        for (Object[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Headers.builder().add("X-Test", (String) c[0]), (String) c[0]);
            String m = e.getMessage();
            assertTrue(m.contains("\"X-Test\"") && m.contains((String) c[1]) && m.contains("offset " + c[2]), m);
            assertFalse(m.contains("\r") || m.contains("\n"), "the message itself must be one safe line: " + m);
            assertThrows(IllegalArgumentException.class, () -> Headers.builder().set("X-Test", (String) c[0]));
        }
    }

    @Test
    void refusesNamesThatAreNotTokens() {
        Object[][] cases = {
            {"Bad Name", "space (0x20)", 3},
            {"Host:", "':' (0x3A)", 4},
            {"X\r\nY", "CR (0x0D)", 1},
            {"\u00e9t\u00e9", "(0xE9)", 0},
            {"(comment)", "'(' (0x28)", 0},
            {"a\"b", "'\"' (0x22)", 1},
        };
        for (Object[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Headers.builder().add((String) c[0], "v"), (String) c[0]);
            String m = e.getMessage();
            assertTrue(m.contains((String) c[1]) && m.contains("offset " + c[2]), m);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Headers.builder().add("", "v"))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Headers.builder().add(null, "v"))
                .getMessage().contains("null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Headers.builder().add("X", null))
                .getMessage().contains("\"X\""));
        assertEquals("v", Headers.of("!#$%&'*+-.^_`|~09azAZ", "v").get("!#$%&'*+-.^_`|~09azAZ"));
    }

    @Test
    void ofRefusesAnOddCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Headers.of("A", "1", "B"));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertSame(Headers.empty(), Headers.of());
        assertTrue(Headers.empty().isEmpty());
    }

    @Test
    void equalityNeedsSameFieldsSpellingAndOrder() {
        Headers a = Headers.of("A", "1", "B", "2");
        assertEquals(a, Headers.of("A", "1", "B", "2"));
        assertEquals(a.hashCode(), Headers.of("A", "1", "B", "2").hashCode());
        assertNotEquals(a, Headers.of("B", "2", "A", "1"));
        assertNotEquals(a, Headers.of("a", "1", "B", "2"));
        assertNotEquals(a, Headers.of("A", "1"));
        assertNotEquals(a, "A: 1\nB: 2\n");
        assertEquals(a, a.newBuilder().build());
        assertEquals(a, a);
    }

    @Test
    void findsTokensInCommaSeparatedLists() {
        Headers h = Headers.of("Connection", "keep-alive, Close", "Transfer-Encoding", "gzip ,\tchunked",
                "X", "closed, unclose");
        assertTrue(h.containsToken("connection", "close"));
        assertTrue(h.containsToken("Connection", "KEEP-ALIVE"));
        assertTrue(h.containsToken("transfer-encoding", "chunked"));
        assertTrue(h.containsToken("transfer-encoding", "gzip"));
        assertFalse(h.containsToken("X", "close"));
        assertFalse(h.containsToken("Missing", "close"));
        assertTrue(Headers.of("A", "x", "a", "y, z").containsToken("A", "z"), "looks at every field of the name");
        assertTrue(HeaderValues.hasToken(",,a,,", "a"));
        assertFalse(HeaderValues.hasToken("", "a"));
    }

    @Test
    void namesKeepsItsOwnOrderForManyNames() {
        Headers h = Headers.of("Z", "1", "Y", "2", "z", "3", "X", "4");
        assertEquals(Set.of("Z", "Y", "X"), h.names());
        assertEquals(List.of("Z", "Y", "X"), List.copyOf(h.names()));
    }
}
