package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    @Test
    void splitsOnSlashesKeepingEmptySegments() {
        assertEquals(List.of(""), PathSegments.decode("/"));
        assertEquals(List.of("a", "b"), PathSegments.decode("/a/b"));
        assertEquals(List.of("a", ""), PathSegments.decode("/a/"));
        assertEquals(List.of("", "a"), PathSegments.decode("//a"));
    }

    @Test
    void decodesPercentEscapesAsUtf8() {
        assertEquals(List.of("café", "a b"), PathSegments.decode("/caf%C3%A9/a%20b"));
        assertEquals(List.of("€"), PathSegments.decode("/%e2%82%ac"));
    }

    @Test
    void keepsEncodedSlashInsideItsSegment() {
        assertEquals(List.of("a/b", "c"), PathSegments.decode("/a%2Fb/c"));
    }

    @Test
    void leavesPlusAsPlus() {
        assertEquals(List.of("a+b"), PathSegments.decode("/a+b"));
    }

    @Test
    void takesRawNonAsciiCharactersAsTheirUtf8Form() {
        assertEquals(List.of("café", "😀"), PathSegments.decode("/café/😀"));
    }

    @Test
    void rejectsTruncatedOrNonHexEscapesWith400() {
        for (String bad : new String[] {"/a%", "/a%2", "/a%zz", "/%G0"}) {
            AbortException e = assertThrows(AbortException.class, () -> PathSegments.decode(bad), bad);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("malformed percent-escape"), e.getMessage());
        }
    }

    @Test
    void rejectsEscapesThatAreNotUtf8With400() {
        AbortException e = assertThrows(AbortException.class, () -> PathSegments.decode("/%C3%28"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertThrows(AbortException.class, () -> PathSegments.decode("/%FF"));
    }

    @Test
    void rejectsPathWithoutLeadingSlash() {
        assertEquals(400, assertThrows(AbortException.class, () -> PathSegments.decode("a/b")).status());
        assertEquals(400, assertThrows(AbortException.class, () -> PathSegments.decode("")).status());
    }

    @Test
    void quotesControlCharactersInErrors() {
        AbortException e = assertThrows(AbortException.class, () -> PathSegments.decode("/a\r\n%"));
        assertTrue(e.getMessage().contains("\\r\\n"), e.getMessage());
    }

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertEquals("a%20b%2Fc", PathSegments.encodeSegment("a b/c"));
        assertEquals("caf%C3%A9", PathSegments.encodeSegment("café"));
        assertEquals("A-z_0.~", PathSegments.encodeSegment("A-z_0.~"));
        assertEquals("%3Cscript%3E", PathSegments.encodeSegment("<script>"));
    }

    @Test
    void encodingThenDecodingGivesBackTheSegment() {
        for (String s : new String[] {"a b", "%", "/", "ü/ß", "..", "a?b#c"}) {
            String enc = PathSegments.encodeSegment(s);
            assertEquals(List.of(s), PathSegments.decode("/" + enc));
        }
    }
}
