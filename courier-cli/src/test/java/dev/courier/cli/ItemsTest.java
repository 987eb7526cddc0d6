package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.cli.RequestItem.Separator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request item splitting, nested JSON keys, Python-style JSON and URL shorthands. */
class ItemsTest {

    private static void item(String arg, String key, Separator sep, String value) {
        RequestItem it = ItemParser.parse(arg);
        assertEquals(key, it.key(), arg);
        assertEquals(sep, it.separator(), arg);
        assertEquals(value, it.value(), arg);
    }

    @Test
    void firstSeparatorWinsAndLongestAtTheSamePlace() {
        item("X-A:b", "X-A", Separator.HEADER, "b");
        item("X-A:", "X-A", Separator.HEADER, "");
        item("X-A;", "X-A", Separator.HEADER_EMPTY, "");
        item("q==1", "q", Separator.QUERY, "1");
        item("q==@f", "q", Separator.QUERY_EMBED, "f");
        item("a=b=c", "a", Separator.DATA, "b=c");
        item("a:=[1]", "a", Separator.JSON, "[1]");
        item("a:=@x.json", "a", Separator.JSON_EMBED, "x.json");
        item("a=@x.txt", "a", Separator.DATA_EMBED, "x.txt");
        item("f@a.png;type=image/png", "f", Separator.FILE, "a.png;type=image/png");
        item("Url:http://x", "Url", Separator.HEADER, "http://x");
    }

    @Test
    void backslashMakesASeparatorLiteralAndKeepsOtherEscapes() {
        item("a\\=b=c", "a=b", Separator.DATA, "c");
        item("a\\:b:c", "a:b", Separator.HEADER, "c");
        item("a=c\\d", "a", Separator.DATA, "c\\d");
        item("p\\@x@file", "p@x", Separator.FILE, "file");
    }

    @Test
    void argumentWithoutSeparatorIsRejected() {
        CliException e = assertThrows(CliException.class, () -> ItemParser.parse("plain"));
        assertTrue(e.getMessage().contains("'plain'"), e.getMessage());
    }

    private static Object json(String... keysAndValues) {
        NestedJson j = new NestedJson();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            j.set(keysAndValues[i], keysAndValues[i + 1]);
        }
        return j.tree();
    }

    @Test
    void nestedKeysBuildObjectsArraysAndPadIndexes() {
        assertEquals(Map.of("user", Map.of("name", "Ada", "langs", List.of("en", "fr"))),
                json("user[name]", "Ada", "user[langs][]", "en", "user[langs][]", "fr"));
        assertEquals("{\"a\": [null, null, \"x\"]}", PyJson.compact(json("a[2]", "x")));
        assertEquals("[\"1\", \"2\"]", PyJson.compact(json("[]", "1", "[]", "2")));
        assertEquals("{\"a\": \"2\"}", PyJson.compact(json("a[]", "1", "a", "2")));
        assertEquals("{\"x[y]\": \"1\"}", PyJson.compact(json("x\\[y\\]", "1")));
    }

    @Test
    void nestedKeySyntaxAndTypeErrorsSayWhat() {
        assertTrue(assertThrows(CliException.class, () -> json("a[b", "1")).getMessage().contains("expecting ']'"));
        assertTrue(assertThrows(CliException.class, () -> json("a[x]y", "1")).getMessage().contains("expecting '['"));
        assertTrue(assertThrows(CliException.class, () -> json("a[-1]", "1")).getMessage().contains("negative"));
        assertTrue(assertThrows(CliException.class, () -> json("[0]", "1", "a", "2")).getMessage()
                .contains("is an array but 'a' needs an object"));
    }

    @Test
    void jsonIsWrittenAsPythonWritesIt() {
        assertEquals("1.0", PyJson.floatRepr(1.0));
        assertEquals("1e+20", PyJson.floatRepr(1e20));
        assertEquals("1e-07", PyJson.floatRepr(1e-7));
        assertEquals("0.0001", PyJson.floatRepr(0.0001));
        assertEquals("1234567.5", PyJson.floatRepr(1234567.5));
        assertEquals("{\"n\": \"\\u00e9\\n\", \"l\": [true, null]}",
                PyJson.compact(new java.util.LinkedHashMap<>(Map.of("n", "é\n"))) .replace("}", ", \"l\": [true, null]}"));
        assertEquals("{\n    \"a\": [\n        1\n    ],\n    \"b\": {}\n}",
                PyJson.pretty(new java.util.TreeMap<>(Map.of("b", Map.of(), "a", List.of(1L))), 4, true));
    }

    @Test
    void urlShorthandsAndQueryEncodingFollowHttpie() {
        assertEquals("http://localhost:8080/p", Target.of(":8080/p", "http", List.of()).url());
        assertEquals("http://localhost/p", Target.of(":/p", "http", List.of()).url());
        assertEquals("http://localhost/", Target.of("localhost", "http", List.of()).url());
        assertEquals("https://example.org/", Target.of("example.org", "https", List.of()).url());
        assertEquals("http://x.org/a%20b?q=1&r=a+b%26", Target.of("HTTP://x.org/a b?q=1", "https",
                List.of(Map.entry("r", "a b&"))).url().replace("HTTP", "http"));
        assertEquals("x.org", Target.of("http://u:p@x.org/", "http", List.of()).host());
    }

    @Test
    void headerOrderMovesUserHeadersAfterRequestsDefaults() {
        List<HeaderOrder.Field> prepared = List.of(new HeaderOrder.Field("User-Agent", "ua"),
                new HeaderOrder.Field("Accept-Encoding", "gzip"), new HeaderOrder.Field("Content-Length", "3"));
        List<HeaderOrder.Field> original = List.of(new HeaderOrder.Field("User-Agent", "ua"));
        assertEquals(List.of("Accept-Encoding", "Content-Length", "User-Agent"),
                HeaderOrder.httpieOrder(prepared, original).stream().map(HeaderOrder.Field::name).toList());
    }
}
