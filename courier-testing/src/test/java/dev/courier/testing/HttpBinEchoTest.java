package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpBinEchoTest {

    private static BinServer bin;

    @BeforeAll
    static void start() {
        bin = BinServer.start();
    }

    @AfterAll
    static void stop() {
        bin.close();
    }

    @Test
    void getEchoesArgsHeadersOriginAndUrlWithHttpbinKeys() {
        Response r = bin.session.request(Method.GET, bin.url("/get?a=1&a=2&b=x%20y"))
                .header("X-Custom-thing", "v").send();
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.header("Content-Type"));
        Map<?, ?> m = BinServer.object(r);
        assertEquals(Set.of("args", "headers", "origin", "url"), m.keySet());
        assertEquals(Map.of("a", List.of("1", "2"), "b", "x y"), m.get("args"));
        assertEquals("127.0.0.1", m.get("origin"));
        assertEquals(bin.url("/get?a=1&a=2&b=x%20y"), m.get("url"));
        Map<?, ?> headers = (Map<?, ?>) m.get("headers");
        assertEquals("v", headers.get("X-Custom-Thing"));
        assertEquals("127.0.0.1:" + bin.server.port(), headers.get("Host"));
    }

    @Test
    void postWithJsonFillsDataAndJson() {
        Map<?, ?> m = BinServer.object(bin.session.post(bin.url("/post"), Body.json(Map.of("n", 1, "s", "é"))));
        assertEquals(Set.of("args", "data", "files", "form", "headers", "json", "origin", "url"), m.keySet());
        assertEquals(Map.of("n", 1L, "s", "é"), m.get("json"));
        assertTrue(((String) m.get("data")).contains("\"s\":\"é\""), "data was " + m.get("data"));
        assertEquals(Map.of(), m.get("form"));
        assertEquals(Map.of(), m.get("files"));
    }

    @Test
    void postWithUrlencodedFormFillsFormAndLeavesDataEmpty() {
        Map<?, ?> m = BinServer.object(bin.session.post(bin.url("/post"), Body.form("a", "1", "b", "two words")));
        assertEquals(Map.of("a", "1", "b", "two words"), m.get("form"));
        assertEquals("", m.get("data"));
        assertNull(m.get("json"));
    }

    @Test
    void multipartTextFileIsTextAndBinaryFileIsADataUrl() {
        Multipart mp = Multipart.form().field("title", "Holiday")
                .file("notes", "notes.txt", "hello file".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .file("blob", "b.bin", new byte[] {(byte) 0xff, 0, 1}, "application/x-thing")
                .build();
        Map<?, ?> m = BinServer.object(bin.session.post(bin.url("/post"), Body.multipart(mp)));
        assertEquals(Map.of("title", "Holiday"), m.get("form"));
        assertEquals(Map.of("notes", "hello file", "blob", "data:application/x-thing;base64,/wAB"), m.get("files"));
        assertEquals("", m.get("data"));
    }

    @Test
    void binaryBodyBecomesAnOctetStreamDataUrl() {
        Map<?, ?> m = BinServer.object(bin.session.put(bin.url("/put"), Body.bytes(new byte[] {(byte) 0x80, (byte) 0xfe})));
        assertEquals("data:application/octet-stream;base64,gP4=", m.get("data"));
        assertNull(m.get("json"));
    }

    @Test
    void patchAndDeleteAnswerWithTheBodyEchoShape() {
        Map<?, ?> p = BinServer.object(bin.session.patch(bin.url("/patch"), Body.text("plain")));
        assertEquals("plain", p.get("data"));
        Map<?, ?> d = BinServer.object(bin.session.delete(bin.url("/delete?x=1")));
        assertEquals(Map.of("x", "1"), d.get("args"));
        assertEquals(Set.of("args", "data", "files", "form", "headers", "json", "origin", "url"), d.keySet());
    }

    @Test
    void wrongMethodOnPostIs405() {
        assertEquals(405, bin.session.get(bin.url("/post")).statusCode());
    }

    @Test
    void anythingAcceptsAnyMethodAndSubpathAndShowsTheMethod() {
        Map<?, ?> m = BinServer.object(bin.session.put(bin.url("/anything/a/b?q=1"), Body.text("{\"k\": [true]}")));
        assertEquals("PUT", m.get("method"));
        assertEquals(Map.of("k", List.of(true)), m.get("json"));
        assertEquals(bin.url("/anything/a/b?q=1"), m.get("url"));
        assertEquals(Set.of("args", "data", "files", "form", "headers", "json", "method", "origin", "url"), m.keySet());
        assertEquals("GET", BinServer.object(bin.session.get(bin.url("/anything"))).get("method"));
    }

    @Test
    void headersIpUserAgentAndUuidHaveTheirOneKey() {
        Map<?, ?> h = BinServer.object(bin.session.request(Method.GET, bin.url("/headers"))
                .header("x-b3-traceid", "abc").send());
        assertEquals("abc", ((Map<?, ?>) h.get("headers")).get("X-B3-Traceid"));
        assertEquals(Map.of("origin", "127.0.0.1"), BinServer.object(bin.session.get(bin.url("/ip"))));
        Map<?, ?> ua = BinServer.object(bin.session.request(Method.GET, bin.url("/user-agent"))
                .header("User-Agent", "tester/1").send());
        assertEquals(Map.of("user-agent", "tester/1"), ua);
        String uuid = (String) BinServer.object(bin.session.get(bin.url("/uuid"))).get("uuid");
        assertEquals(36, java.util.UUID.fromString(uuid).toString().length());
    }

    @Test
    void proxyHeadersAreHiddenButForwardedForBecomesTheOrigin() {
        Map<?, ?> m = BinServer.object(bin.session.request(Method.GET, bin.url("/get"))
                .header("X-Forwarded-For", "203.0.113.7").header("Via", "1.1 proxy").send());
        assertEquals("203.0.113.7", m.get("origin"));
        Map<?, ?> headers = (Map<?, ?>) m.get("headers");
        assertTrue(!headers.containsKey("Via") && !headers.containsKey("X-Forwarded-For"), "headers: " + headers);
    }
}
