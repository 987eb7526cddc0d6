package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void picksTypeByExtensionIgnoringCase() {
        assertEquals("text/html; charset=utf-8", ContentTypes.forFileName("index.html"));
        assertEquals("text/css; charset=utf-8", ContentTypes.forFileName("site.CSS"));
        assertEquals("text/javascript; charset=utf-8", ContentTypes.forFileName("app.min.js"));
        assertEquals("image/png", ContentTypes.forFileName("a.b.png"));
        assertEquals("application/json", ContentTypes.forFileName("data.json"));
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertEquals("application/octet-stream", ContentTypes.forFileName("README"));
        assertEquals("application/octet-stream", ContentTypes.forFileName("archive.xyz"));
        assertEquals("application/octet-stream", ContentTypes.forFileName("trailingdot."));
        assertEquals("application/octet-stream", ContentTypes.forFileName(".bashrc"));
    }

    @Test
    void readsCharsetParameter() {
        assertEquals(StandardCharsets.ISO_8859_1, ContentTypes.charsetOf("text/plain; charset=ISO-8859-1"));
        assertEquals(StandardCharsets.UTF_16, ContentTypes.charsetOf("text/plain;format=flowed; Charset=\"utf-16\""));
        assertEquals(StandardCharsets.US_ASCII, ContentTypes.charsetOf("text/plain; a=\"x;y\"; charset=us-ascii"));
        assertEquals(StandardCharsets.ISO_8859_1, ContentTypes.charsetOf("text/plain; novalue; charset=latin1"));
        assertEquals(StandardCharsets.ISO_8859_1, ContentTypes.charsetOf("text/plain; charset=\"iso-8859-\\1\""));
    }

    @Test
    void fallsBackToUtf8() {
        assertEquals(StandardCharsets.UTF_8, ContentTypes.charsetOf(null));
        assertEquals(StandardCharsets.UTF_8, ContentTypes.charsetOf("text/plain"));
        assertEquals(StandardCharsets.UTF_8, ContentTypes.charsetOf("text/plain; charset=nonsense-42"));
        assertEquals(StandardCharsets.UTF_8, ContentTypes.charsetOf("text/plain; charset=\"unterminated"));
        assertEquals(StandardCharsets.UTF_8, ContentTypes.charsetOf("text/plain; novalue"));
    }
}
