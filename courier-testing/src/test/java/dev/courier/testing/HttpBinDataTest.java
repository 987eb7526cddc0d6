package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.http.Method;
import dev.courier.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpBinDataTest {

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
    void statusAnswersTheCodeWithHttpbinExtras() {
        assertEquals(418, bin.session.get(bin.url("/status/418")).statusCode());
        assertEquals("/redirect/1", bin.session.get(bin.url("/status/302")).header("Location"));
        assertEquals(204, bin.session.request(Method.POST, bin.url("/status/204")).send().statusCode());
        assertEquals(400, bin.session.get(bin.url("/status/abc")).statusCode());
    }

    @Test
    void weightedStatusPicksOnlyListedCodesAndNeverAZeroWeight() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.add(bin.session.get(bin.url("/status/201:1,202:1,500:0")).statusCode());
        }
        assertEquals(Set.of(201, 202), seen);
    }

    @Test
    void bytesAreRepeatableWithASeedAndCappedAt100KiB() {
        byte[] a = bin.session.get(bin.url("/bytes/64?seed=7")).bytes();
        byte[] b = bin.session.get(bin.url("/bytes/64?seed=7")).bytes();
        assertEquals(64, a.length);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, bin.session.get(bin.url("/bytes/64?seed=8")).bytes()));
        assertEquals(102400, bin.session.get(bin.url("/bytes/999999")).bytes().length);
    }

    @Test
    void streamBytesIsChunkedAndMatchesBytesForTheSameSeed() {
        Response r = bin.session.get(bin.url("/stream-bytes/300?seed=3&chunk_size=50"));
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertArrayEquals(bin.session.get(bin.url("/bytes/300?seed=3")).bytes(), r.bytes());
    }

    @Test
    void streamSendsNJsonLinesWithIds() {
        List<String> lines = bin.session.get(bin.url("/stream/3?x=1")).lines().collect(Collectors.toList());
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(lines.get(i));
            assertEquals((long) i, m.get("id"));
            assertEquals(Map.of("x", "1"), m.get("args"));
            assertEquals(Set.of("args", "headers", "id", "origin", "url"), m.keySet());
        }
    }

    @Test
    void rangeHonoursByteRangesAndRefusesUnsatisfiableOnes() {
        Response whole = bin.session.get(bin.url("/range/30"));
        assertEquals(200, whole.statusCode());
        assertEquals("abcdefghijklmnopqrstuvwxyzabcd", whole.text());
        Response part = bin.session.request(Method.GET, bin.url("/range/30")).header("Range", "bytes=24-27").send();
        assertEquals(206, part.statusCode());
        assertEquals("yzab", part.text());
        assertEquals("bytes 24-27/30", part.header("Content-Range"));
        Response suffix = bin.session.request(Method.GET, bin.url("/range/30")).header("Range", "bytes=-2").send();
        assertEquals("cd", suffix.text());
        Response bad = bin.session.request(Method.GET, bin.url("/range/30")).header("Range", "bytes=40-50").send();
        assertEquals(416, bad.statusCode());
        assertEquals("bytes */30", bad.header("Content-Range"));
    }

    @Test
    void dripSendsStarsOverTheDurationWithTheCode() {
        long t0 = System.nanoTime();
        Response r = bin.session.get(bin.url("/drip?numbytes=5&duration=0.4&code=201"));
        assertEquals(201, r.statusCode());
        assertEquals("*****", r.text());
        assertTrue(System.nanoTime() - t0 >= 250_000_000L, "drip came too fast to have paused");
        assertEquals(400, bin.session.get(bin.url("/drip?numbytes=0")).statusCode());
    }

    @Test
    void delayWaitsThenEchoes() {
        long t0 = System.nanoTime();
        Map<?, ?> m = BinServer.object(bin.session.get(bin.url("/delay/0.3")));
        assertTrue(System.nanoTime() - t0 >= 250_000_000L);
        assertEquals(Set.of("args", "data", "files", "form", "headers", "origin", "url"), m.keySet());
    }

    @Test
    void base64DecodesUrlSafeTextAndRejectsGarbage() {
        Response r = bin.session.get(bin.url("/base64/SFRUUEJJTiBpcyBhd2Vzb21l"));
        assertEquals("HTTPBIN is awesome", r.text());
        assertEquals(400, bin.session.get(bin.url("/base64/%25%25%25")).statusCode());
        String encoded = java.util.Base64.getUrlEncoder().encodeToString("ü?>".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(-1, encoded.indexOf('_') + encoded.indexOf('-') + 1);
        assertEquals("ü?>", bin.session.get(bin.url("/base64/" + encoded)).text());
    }
}
