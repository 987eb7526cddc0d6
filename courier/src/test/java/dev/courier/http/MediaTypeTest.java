package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void lowerCasesTypeSubtypeAndParameterNamesButKeepsValues() {
        MediaType t = MediaType.parse("Text/HTML; Charset=UTF-8; Level=A");
        assertEquals("text", t.type());
        assertEquals("html", t.subtype());
        assertEquals("UTF-8", t.parameter("charset"));
        assertEquals("UTF-8", t.parameter("CHARSET"));
        assertEquals("A", t.parameter("level"));
        assertEquals("text/html; charset=UTF-8; level=A", t.toString());
    }

    @Test
    void unquotesQuotedStringsWithQuotedPairs() {
        MediaType t = MediaType.parse("multipart/form-data; boundary=\"a \\\"quoted\\\" \\\\ value\"");
        assertEquals("a \"quoted\" \\ value", t.parameter("boundary"));
        assertEquals("multipart/form-data; boundary=\"a \\\"quoted\\\" \\\\ value\"", t.toString());
        assertEquals(t, MediaType.parse(t.toString()));
    }

    @Test
    void quotesOnlyValuesThatAreNotTokens() {
        assertEquals("text/plain; charset=utf-8", MediaType.parse("text/plain; charset=\"utf-8\"").toString());
        assertEquals("a/b; x=\"\"", MediaType.parse("a/b;x=\"\"").toString());
        assertEquals("a/b; x=\"1,2\"", MediaType.of("a", "b").withParameter("x", "1,2").toString());
        assertEquals("a/b; x=\"a=b\"", MediaType.of("a", "b").withParameter("x", "a=b").toString());
    }

    @Test
    void keepsParametersInOrder() {
        MediaType t = MediaType.parse("a/b; z=1; y=2; x=3");
        assertEquals(List.of("z", "y", "x"), List.copyOf(t.parameters().keySet()));
        assertEquals(Map.of("z", "1", "y", "2", "x", "3"), t.parameters());
        assertThrows(UnsupportedOperationException.class, () -> t.parameters().put("w", "4"));
    }

    @Test
    void toleratesWhitespaceAndEmptyParameters() {
        MediaType t = MediaType.parse("  text/plain ;charset=utf-8 ;; ; \t");
        assertEquals("text/plain; charset=utf-8", t.toString());
        assertEquals(MediaType.TEXT_PLAIN, MediaType.parse("text/plain;"));
    }

    @Test
    void returnsEmptyCharsetWhenUnknownOrAbsent() {
        assertEquals(Optional.of(StandardCharsets.UTF_8), MediaType.parse("text/plain; charset=utf-8").charset());
        assertEquals(Optional.of(StandardCharsets.ISO_8859_1), MediaType.parse("text/plain; charset=latin1").charset());
        assertEquals(Optional.empty(), MediaType.parse("text/plain; charset=klingon-1").charset());
        assertEquals(Optional.empty(), MediaType.parse("text/plain; charset=\"bad name!\"").charset());
        assertEquals(Optional.empty(), MediaType.TEXT_PLAIN.charset());
    }

    @Test
    void withCharsetAndWithParameterReplaceInPlaceOrAppend() {
        MediaType t = MediaType.parse("text/plain; charset=ascii; format=flowed");
        assertEquals("text/plain; charset=UTF-8; format=flowed", t.withCharset(StandardCharsets.UTF_8).toString());
        assertEquals("text/plain; charset=ascii; format=fixed; delsp=yes",
                t.withParameter("FORMAT", "fixed").withParameter("DelSp", "yes").toString());
        assertEquals("text/plain; charset=ascii; format=flowed", t.toString(), "original unchanged");
        assertEquals("text/plain", t.withoutParameters().toString());
        assertThrows(IllegalArgumentException.class, () -> t.withParameter("bad name", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.withParameter("x", "a\r\nb"));
        assertTrue(e.getMessage().contains("CR") && e.getMessage().contains("offset 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.withParameter("x", "\u20ac"));
    }

    @Test
    void builderValidatesAndNewBuilderCopies() {
        MediaType m = MediaType.builder("Multipart", "Form-Data").parameter("Boundary", "a b").build();
        assertEquals("multipart/form-data; boundary=\"a b\"", m.toString());
        MediaType copy = m.newBuilder().charset(StandardCharsets.UTF_8).parameter("boundary", "x").build();
        assertEquals("multipart/form-data; boundary=x; charset=UTF-8", copy.toString());
        assertEquals("multipart/form-data; charset=UTF-8", copy.newBuilder().removeParameter("BOUNDARY").build().toString());
        assertEquals(m, m.newBuilder().removeParameter("nope").build());
        assertEquals("multipart/form-data; boundary=\"a b\"", m.toString(), "original unchanged");
        assertThrows(IllegalArgumentException.class, () -> MediaType.builder("text", "pl ain"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.builder("text", "plain").parameter("a", null));
        MediaType.Builder b = MediaType.builder("a", "b").parameter("x", "1");
        MediaType first = b.build();
        b.parameter("y", "2");
        assertEquals("a/b; x=1", first.toString(), "a built value does not change with its builder");
    }

    @Test
    void matchesPatternsWithWildcards() {
        MediaType t = MediaType.TEXT_HTML_UTF8;
        assertTrue(t.is("text/html"));
        assertTrue(t.is("TEXT/*"));
        assertTrue(t.is("*/*"));
        assertTrue(t.is("text/html; charset=UTF-8"));
        assertFalse(t.is("text/html; charset=latin1"));
        assertFalse(t.is("text/html; level=1"));
        assertFalse(t.is("text/plain"));
        assertFalse(t.is("image/*"));
        assertTrue(t.matches(MediaType.ANY));
        assertFalse(MediaType.parse("a/b; x=Y").is("a/b; x=y"), "non-charset values compare exactly");
    }

    @Test
    void recognisesJsonAndText() {
        assertTrue(MediaType.APPLICATION_JSON.isJson());
        assertTrue(MediaType.parse("application/problem+json").isJson());
        assertTrue(MediaType.parse("application/vnd.api+JSON; charset=utf-8").isJson());
        assertFalse(MediaType.parse("application/jsonx").isJson());
        assertFalse(MediaType.parse("text/json-seq").isJson());
        assertTrue(MediaType.parse("text/csv").isText());
        assertFalse(MediaType.APPLICATION_JSON.isText());
        assertTrue(MediaType.MULTIPART_FORM_DATA.isMultipart());
    }

    @Test
    void constantsHaveTheExpectedForm() {
        assertEquals("text/plain; charset=utf-8", MediaType.TEXT_PLAIN_UTF8.toString());
        assertEquals("text/html; charset=utf-8", MediaType.TEXT_HTML_UTF8.toString());
        assertEquals("application/json", MediaType.APPLICATION_JSON.toString());
        assertEquals("application/x-www-form-urlencoded", MediaType.FORM_URLENCODED.toString());
        assertEquals("multipart/form-data", MediaType.MULTIPART_FORM_DATA.toString());
        assertEquals("application/octet-stream", MediaType.OCTET_STREAM.toString());
    }

    @Test
    void equalityUsesLowerCasedNamesAndExactValues() {
        assertEquals(MediaType.parse("TEXT/Plain; A=1"), MediaType.parse("text/plain;a=1"));
        assertEquals(MediaType.parse("TEXT/Plain; A=1").hashCode(), MediaType.parse("text/plain;a=1").hashCode());
        assertNotEquals(MediaType.parse("text/plain;a=X"), MediaType.parse("text/plain;a=x"));
        assertNotEquals(MediaType.parse("text/plain"), MediaType.parse("text/html"));
    }

    @Test
    void rejectsMalformedInputQuotingItAndTheOffset() {
        String[][] cases = {
            {"", "offset 0", "empty"},
            {"text", "offset 4", "expected '/'"},
            {"/plain", "offset 0", "type before"},
            {"text/", "offset 5", "subtype"},
            {"text/ plain", "offset 5", "subtype"},
            {"te xt/plain", "offset 2", "type"},
            {"text/plain; charset", "offset 19", "no '=value'"},
            {"text/plain; charset=", "offset 20", "no value"},
            {"text/plain; charset = utf-8", "offset 19", "expected '='"},
            {"text/plain; a=\"open", "offset 19", "not closed"},
            {"text/plain; a=b c", "offset 16", "expected ';'"},
            {"text/plain; a=1; A=2", "offset 17", "twice"},
            {"text/plain; a=b\u0000", "offset 15", "NUL"},
            {"text/plain; a=\"x\ny\"", "offset 16", "LF"},
            {"text/plain; a=b@c", "offset 15", "unquoted"},
            {"text/plain; a=\"\\\u0001\"", "offset 16", "cannot follow"},
            {"text/plain\r\nX: y", "offset 10", "CR"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MediaType.parse(c[0]),
                    c[0]);
            assertTrue(e.getMessage().contains(Ascii.quote(c[0])), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
        assertEquals(Optional.empty(), MediaType.tryParse("nonsense"));
        assertEquals(Optional.empty(), MediaType.tryParse(null));
        assertEquals(Optional.of(MediaType.APPLICATION_JSON), MediaType.tryParse("application/json"));
    }

    @Test
    void ofValidatesTokens() {
        assertEquals("image/png", MediaType.of("IMAGE", "PNG").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MediaType.of("ima ge", "png"));
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MediaType.of("image", ""));
        assertNull(MediaType.TEXT_PLAIN.parameter("charset"));
    }
}
