package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void textIsUtf8PlainText() {
        Reply r = Reply.text("héllo");
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("content-type"));
        assertEquals("héllo", Replies.text(r));
        assertEquals(6, r.body().length());
    }

    @Test
    void htmlIsUtf8Html() {
        Reply r = Reply.html("<p>x</p>");
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<p>x</p>", Replies.text(r));
    }

    @Test
    void bytesKeepsTheArrayAndType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Reply r = Reply.bytes(png, "image/png");
        assertSame(png, ((ReplyBody.Bytes) r.body()).bytes());
        assertEquals("image/png", r.header("Content-Type"));
    }

    @Test
    void streamBodyKnowsItsLengthOrNot() {
        Reply known = Reply.stream(new ByteArrayInputStream(new byte[3]), 3, "application/octet-stream");
        assertEquals(3, known.body().length());
        Reply unknown = Reply.stream(new ByteArrayInputStream(new byte[3]), -1, "application/octet-stream");
        assertEquals(-1, unknown.body().length());
        assertThrows(IllegalArgumentException.class, () -> Reply.stream(new ByteArrayInputStream(new byte[0]), -2, "x/y"));
    }

    @Test
    void fileBodyIsARegion() {
        Reply r = Reply.builder(206).body(Path.of("a.bin"), 100, 50).build();
        ReplyBody.FileRegion f = (ReplyBody.FileRegion) r.body();
        assertEquals(Path.of("a.bin"), f.path());
        assertEquals(100, f.offset());
        assertEquals(50, f.length());
        assertThrows(IllegalArgumentException.class, () -> Reply.builder(200).body(Path.of("a"), -1, 5));
        assertThrows(IllegalArgumentException.class, () -> Reply.builder(200).body(Path.of("a"), 0, -5));
    }

    @Test
    void statusAndNoContentHaveEmptyBodies() {
        assertEquals(401, Reply.status(401).status());
        assertSame(ReplyBody.empty(), Reply.status(401).body());
        assertEquals(204, Reply.noContent().status());
        assertEquals(0, Reply.noContent().body().length());
    }

    @Test
    void redirectDefaultsTo302() {
        Reply r = Reply.redirect("/login");
        assertEquals(302, r.status());
        assertEquals("/login", r.header("Location"));
    }

    @Test
    void redirectAcceptsOnlyRedirectStatuses() {
        for (int s : new int[] {301, 302, 303, 307, 308}) {
            assertEquals(s, Reply.redirect("https://example.org/", s).status());
        }
        for (int s : new int[] {300, 304, 305, 200, 404}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reply.redirect("/x", s));
            assertTrue(e.getMessage().contains(String.valueOf(s)), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Reply.redirect(""));
    }

    @Test
    void refusesHeaderInjection() {
        assertThrows(IllegalArgumentException.class, () -> Reply.redirect("/x\r\nSet-Cookie: evil=1"));
        assertThrows(IllegalArgumentException.class, () -> Reply.text("x").withHeader("X-A", "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Reply.builder(200).cookie("a=b\r\nX: y"));
    }

    @Test
    void refusesFramingHeadersSetByHand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reply.builder(200).header("content-length", "5"));
        assertTrue(e.getMessage().contains("set by the server"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Reply.builder(200).setHeader("Transfer-Encoding", "chunked"));
    }

    @Test
    void refusesStatusesOutside200To599() {
        for (int s : new int[] {0, 99, 100, 101, 199, 600, 1000}) {
            assertThrows(IllegalArgumentException.class, () -> Reply.status(s), String.valueOf(s));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reply.status(100));
        assertTrue(e.getMessage().contains("1xx"), e.getMessage());
    }

    @Test
    void refusesBodyOn204And304() {
        assertThrows(IllegalStateException.class, () -> Reply.builder(204).body(new byte[1]).build());
        assertThrows(IllegalStateException.class, () -> Reply.text("x").withStatus(304));
        assertEquals(304, Reply.builder(304).header("ETag", "\"a\"").build().status());
    }

    @Test
    void cookiesAreSeparateSetCookieFields() {
        Reply r = Reply.builder(200).cookie("a=1; Path=/").cookie("b=2; HttpOnly").build();
        assertEquals(List.of("a=1; Path=/", "b=2; HttpOnly"), r.headers().all("Set-Cookie"));
    }

    @Test
    void withMethodsReturnChangedCopies() {
        Reply base = Reply.text("x");
        Reply changed = base.withStatus(418).withHeader("X-Tea", "pot");
        assertNotSame(base, changed);
        assertEquals(200, base.status());
        assertNull(base.header("X-Tea"));
        assertEquals(418, changed.status());
        assertEquals("pot", changed.header("X-Tea"));
        assertEquals("x", Replies.text(changed));
    }

    @Test
    void builderEditsHeaders() {
        Reply r = Reply.builder(200).header("X-A", "1").header("X-A", "2").setHeader("X-B", "b")
                .removeHeader("x-a").contentType("application/json").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        assertNull(r.header("X-A"));
        assertEquals("b", r.header("X-B"));
        assertEquals("application/json", r.header("Content-Type"));
        Reply none = r.newBuilder().noBody().build();
        assertSame(ReplyBody.empty(), none.body());
        assertArrayEquals("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), ((ReplyBody.Bytes) r.body()).bytes());
    }

    @Test
    void toStringShowsStatusTypeAndBody() {
        assertEquals("Reply{200, text/plain; charset=utf-8, bytes(2)}", Reply.text("hi").toString());
    }

    @Test
    void jsonWritesTheValueWithTheJsonType() {
        Reply r = Reply.json(java.util.Map.of("id", 7));
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("{\"id\":7}", Replies.text(r));
    }

    @Test
    void cookieAddsOneSetCookieFieldPerCookie() {
        Reply r = Reply.builder(200)
                .cookie(dev.courier.cookie.SetCookie.builder("sid", "31d4").path("/").httpOnly(true).build())
                .build()
                .withCookie(dev.courier.cookie.SetCookie.builder("theme", "dark").build());
        assertEquals(List.of("sid=31d4; Path=/; HttpOnly", "theme=dark"), r.headers().all("Set-Cookie"));
    }
}
