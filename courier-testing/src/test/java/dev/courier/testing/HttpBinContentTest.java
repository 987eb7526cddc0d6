package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.http.Method;
import dev.courier.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpBinContentTest {

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
    void gzipAndDeflateBodiesDecodeToTheirFlag() {
        Response g = bin.session.get(bin.url("/gzip"));
        assertEquals("gzip", g.header("Content-Encoding"));
        assertEquals(Boolean.TRUE, BinServer.object(g).get("gzipped"));
        Response d = bin.session.get(bin.url("/deflate"));
        assertEquals("deflate", d.header("Content-Encoding"));
        Map<?, ?> m = BinServer.object(d);
        assertEquals(Boolean.TRUE, m.get("deflated"));
        assertEquals("GET", m.get("method"));
    }

    @Test
    void sampleDocumentsHaveTheirTypes() {
        assertTrue(bin.session.get(bin.url("/html")).text().contains("<h1>"));
        assertEquals("text/html; charset=utf-8", bin.session.get(bin.url("/html")).header("Content-Type"));
        Response json = bin.session.get(bin.url("/json"));
        assertTrue(((Map<?, ?>) Json.parse(json.text())).containsKey("slideshow"));
        Response xml = bin.session.get(bin.url("/xml"));
        assertEquals("application/xml", xml.header("Content-Type"));
        assertTrue(xml.text().startsWith("<?xml"));
        assertTrue(bin.session.get(bin.url("/encoding/utf8")).text().contains("Καλημέρα"));
    }

    @Test
    void pngIsADecodableImage() throws Exception {
        Response r = bin.session.get(bin.url("/image/png"));
        assertEquals("image/png", r.header("Content-Type"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertNotNull(img, "ImageIO could not read the PNG");
        assertEquals(16, img.getWidth());
        assertEquals(0xd03030, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0x2030d0, img.getRGB(4, 0) & 0xffffff);
    }

    @Test
    void jpegIsADecodableImage() throws Exception {
        Response r = bin.session.get(bin.url("/image/jpeg"));
        assertEquals("image/jpeg", r.header("Content-Type"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertNotNull(img, "ImageIO could not read the JPEG");
        assertEquals(16, img.getHeight());
        assertEquals("image/jpeg", bin.session.request(Method.GET, bin.url("/image"))
                .header("Accept", "image/jpeg").send().header("Content-Type"));
    }

    @Test
    void imageNegotiatesByAccept() {
        assertEquals("image/svg+xml", bin.session.request(Method.GET, bin.url("/image"))
                .header("Accept", "image/svg+xml").send().header("Content-Type"));
        assertEquals("image/png", bin.session.request(Method.GET, bin.url("/image"))
                .header("Accept", "image/*").send().header("Content-Type"));
        assertEquals(406, bin.session.request(Method.GET, bin.url("/image"))
                .header("Accept", "text/plain").send().statusCode());
        assertTrue(bin.session.get(bin.url("/image/svg")).text().contains("<svg"));
    }

    @Test
    void linksPageLinksEveryOtherPage() {
        String html = bin.session.get(bin.url("/links/3/1")).text();
        assertEquals("<html><head><title>Links</title></head><body><a href='/links/3/0'>0</a> 1 "
                + "<a href='/links/3/2'>2</a> </body></html>", html);
        assertEquals("/links/5/0", bin.session.get(bin.url("/links/5")).header("Location"));
    }

    @Test
    void cacheAnswers304ToConditionalRequests() {
        Response first = bin.session.get(bin.url("/cache"));
        assertEquals(200, first.statusCode());
        assertNotNull(first.header("ETag"));
        assertNotNull(first.header("Last-Modified"));
        assertEquals(304, bin.session.request(Method.GET, bin.url("/cache"))
                .header("If-None-Match", first.header("ETag")).send().statusCode());
        assertEquals("public, max-age=60", bin.session.get(bin.url("/cache/60")).header("Cache-Control"));
    }

    @Test
    void etagHonoursIfNoneMatchAndIfMatch() {
        assertEquals("abc", bin.session.get(bin.url("/etag/abc")).header("ETag"));
        assertEquals(304, bin.session.request(Method.GET, bin.url("/etag/abc"))
                .header("If-None-Match", "\"x\", \"abc\"").send().statusCode());
        assertEquals(412, bin.session.request(Method.GET, bin.url("/etag/abc"))
                .header("If-Match", "\"x\"").send().statusCode());
        assertEquals(200, bin.session.request(Method.GET, bin.url("/etag/abc"))
                .header("If-Match", "*").send().statusCode());
    }

    @Test
    void responseHeadersSetsHeadersAndShowsThemWithATrueContentLength() {
        Response r = bin.session.get(bin.url("/response-headers?X-Thing=1&X-Thing=2&Server=mine"));
        assertEquals(java.util.List.of("1", "2"), r.headers().all("X-Thing"));
        Map<?, ?> m = BinServer.object(r);
        assertEquals(java.util.List.of("1", "2"), m.get("X-Thing"));
        assertEquals(String.valueOf(r.bytes().length), m.get("Content-Length"));
    }
}
