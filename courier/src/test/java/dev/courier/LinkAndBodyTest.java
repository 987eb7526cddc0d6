package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit rules of the front door: Link parsing, Body defaults, Auth encoding. */
class LinkAndBodyTest {

    @Test
    void linkHeaderElementsAndQuotedParamsAreParsed() {
        List<Map<String, String>> links = LinkHeader.parse(List.of(
                "<https://a/2>; rel=\"next\"; title=\"a, b\", <https://a/9>; rel=last",
                "<https://a/1>; rel=\"prev first\"; rel=\"ignored\""));
        assertEquals(3, links.size());
        assertEquals("https://a/2", links.get(0).get(""));
        assertEquals("a, b", links.get(0).get("title"));
        assertEquals("last", links.get(1).get("rel"));
        assertEquals("prev first", links.get(2).get("rel"), "only the first rel counts (RFC 8288 §3.3)");
    }

    @Test
    void malformedLinkHeaderGivesNoLinksInsteadOfFailing() {
        assertTrue(LinkHeader.parse(List.of("no angle brackets; rel=next")).isEmpty());
    }

    @Test
    void bodyDefaultsFollowPrepareBody() {
        assertEquals("application/json", Body.json(Map.of("a", 1)).contentType());
        assertEquals("application/x-www-form-urlencoded", Body.form("a", "b").contentType());
        assertEquals("text/plain; charset=utf-8", Body.text("x").contentType().toLowerCase(java.util.Locale.ROOT));
        assertEquals(null, Body.bytes(new byte[3]).contentType());
        assertEquals(3, Body.bytes(new byte[3]).length());
        assertEquals(-1, Body.stream(new ByteArrayInputStream(new byte[3])).length());
        assertFalse(Body.stream(new ByteArrayInputStream(new byte[3])).isReplayable());
    }

    @Test
    void streamBodyRefusesASecondSend() throws Exception {
        Body b = Body.stream(new ByteArrayInputStream("once".getBytes(StandardCharsets.UTF_8)), 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.outgoing().writeTo(out);
        assertEquals("once", out.toString(StandardCharsets.UTF_8));
        assertThrows(java.io.IOException.class, () -> b.outgoing().writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void basicAuthIsUtf8AndBearerRefusesControlCharacters() {
        assertEquals("Basic w6k6w6k=", Auth.basic("é", "é").headerValue());
        assertThrows(IllegalArgumentException.class, () -> Auth.bearer("abc\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> Auth.basic("a:b", "c"));
        assertEquals("Auth[Bearer]", Auth.bearer("secret").toString(), "no secret in toString");
    }
}
