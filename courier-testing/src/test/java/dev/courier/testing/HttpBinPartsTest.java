package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Unit tests of the small pieces behind HttpBin. */
class HttpBinPartsTest {

    @Test
    void titleCaseFollowsPythonsStrTitle() {
        assertEquals("Content-Type", HeaderNames.titleCase("content-type"));
        assertEquals("X-B3-Traceid", HeaderNames.titleCase("x-b3-traceid"));
        assertEquals("Www-Authenticate", HeaderNames.titleCase("WWW-AUTHENTICATE"));
        assertEquals("X-Foo-Bar", HeaderNames.titleCase("x_foo_bar"));
        assertEquals("Dnt", HeaderNames.titleCase("DNT"));
    }

    @Test
    void proxyHeadersAreRecognisedOnlyTitleCased() {
        assertTrue(HeaderNames.isProxyHeader("X-Forwarded-For"));
        assertTrue(!HeaderNames.isProxyHeader("X-Forwarded-Host"));
    }

    @Test
    void rangeParsesTheThreeFormsAndFallsBackToTheWhole() {
        assertArrayEquals(new long[] {2, 5}, RangeReply.parse("bytes=2-5", 10));
        assertArrayEquals(new long[] {7, 9}, RangeReply.parse("bytes=7-", 10));
        assertArrayEquals(new long[] {6, 9}, RangeReply.parse("bytes=-4", 10));
        assertArrayEquals(new long[] {0, 9}, RangeReply.parse("bytes=-40", 10));
        assertArrayEquals(new long[] {1, 2}, RangeReply.parse("bytes=1-2, 5-6", 10));
        assertArrayEquals(new long[] {0, 9}, RangeReply.parse("items=1-2", 10));
        assertArrayEquals(new long[] {0, 9}, RangeReply.parse("bytes=a-b", 10));
        assertArrayEquals(new long[] {0, 9}, RangeReply.parse(null, 10));
    }

    @Test
    void weightedStatusFollowsTheWeights() {
        Random r = new Random(42);
        int fives = 0;
        for (int i = 0; i < 1000; i++) {
            if (StatusReplies.forCodes("200:0.2,500:0.8", r).status() == 500) {
                fives++;
            }
        }
        assertTrue(fives > 700 && fives < 900, "500 picked " + fives + " times of 1000 at weight 0.8");
        assertEquals(400, StatusReplies.forCodes("200:x", r).status());
        assertEquals(400, StatusReplies.forCodes("", r).status());
        assertEquals("/redirect/1", StatusReplies.forCode(303).header("Location"));
    }

    @Test
    void entityTagListsDropQuotesAndWeakPrefixes() {
        assertEquals(List.of("a", "b", "*"), CacheRoutes.tags("\"a\", W/\"b\", *"));
        assertEquals(List.of(), CacheRoutes.tags(null));
    }

    @Test
    void jsonSafeKeepsUtf8AndTurnsBinaryIntoADataUrl() {
        assertEquals("héllo", EchoDict.jsonSafe("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x/y"));
        assertEquals("data:x/y;base64,wyg=", EchoDict.jsonSafe(new byte[] {(byte) 0xc3, 0x28}, "x/y"));
    }

    @Test
    void pngChunksCarryCorrectCrcs() {
        byte[] png = Images.png();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        int chunks = 0;
        while (b.hasRemaining() && chunks < 10) {
            int len = b.getInt();
            byte[] typeAndData = new byte[4 + len];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), b.getInt(), "CRC of chunk " + chunks);
            chunks++;
        }
        assertEquals(3, chunks);
    }
}
