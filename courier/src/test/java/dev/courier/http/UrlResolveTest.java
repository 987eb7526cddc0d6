package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference resolution against the examples of RFC 3986 §5.4, every one of them. */
class UrlResolveTest {

    private static final String BASE = "http://a/b/c/d;p?q";

    /** RFC 3986 §5.4.1 Normal Examples: reference, expected target. */
    private static final String[][] NORMAL = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
    };

    /** RFC 3986 §5.4.2 Abnormal Examples, with the strict parser's "http:g". */
    private static final String[][] ABNORMAL = {
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"},
    };

    @Test
    void resolvesEveryNormalExampleOfRfc3986() {
        Url base = Url.parse(BASE);
        assertEquals(BASE, base.toString());
        for (String[] c : NORMAL) {
            assertEquals(c[1], UrlResolver.resolve(UriParts.split(BASE), UriParts.split(c[0])).toString(), c[0]);
            assertEquals(c[1], base.resolve(c[0]).toString(), c[0]);
        }
    }

    @Test
    void resolvesEveryAbnormalExampleOfRfc3986() {
        Url base = Url.parse(BASE);
        for (String[] c : ABNORMAL) {
            assertEquals(c[1], UrlResolver.resolve(UriParts.split(BASE), UriParts.split(c[0])).toString(), c[0]);
            if (c[0].equals("http:g")) {
                continue;
            }
            assertEquals(c[1], base.resolve(c[0]).toString(), c[0]);
        }
    }

    @Test
    void refusesToReturnTheHostlessHttpUrlThatStrictResolutionGives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Url.parse(BASE).resolve("http:g"));
        assertTrue(e.getMessage().contains("\"http:g\"") && e.getMessage().contains("No host supplied"),
                e.getMessage());
    }

    @Test
    void removesDotSegmentsAsSection524Shows() {
        assertEquals("/a/g", UrlResolver.removeDotSegments("/a/b/c/./../../g"));
        assertEquals("mid/6", UrlResolver.removeDotSegments("mid/content=5/../6"));
        assertEquals("/", UrlResolver.removeDotSegments("/.."));
        assertEquals("", UrlResolver.removeDotSegments(".."));
        assertEquals("/no/dots", UrlResolver.removeDotSegments("/no/dots"));
    }

    @Test
    void mergesAgainstABaseWithEmptyPath() {
        assertEquals("http://a/g", Url.parse("http://a").resolve("g").toString());
        assertEquals("http://a?x", Url.parse("http://a").resolve("?x").toString());
    }

    @Test
    void encodesAndChecksTheResolvedReference() {
        Url base = Url.parse("https://example.com/dir/page");
        assertEquals("https://example.com/dir/caf%C3%A9?q=%C3%A9", base.resolve("caf\u00e9?q=\u00e9").toString());
        assertEquals("https://other.example/x", base.resolve("//OTHER.example/x").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.resolve("a b"));
        assertTrue(e.getMessage().contains("offset 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.resolve("x\r\nHost: evil"));
    }
}
