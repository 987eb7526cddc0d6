package dev.courier.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadWriterTest {

    private static final RequestHead REQUEST = RequestHead.builder(Method.POST, "/upload?x=1")
            .headers(Headers.of("Host", "example.com", "Content-Length", "5", "X-Name", "na\u00efve"))
            .build();
    private static final ResponseHead RESPONSE = ResponseHead.builder(404, "Not Found")
            .headers(Headers.of("Content-Type", "text/plain", "Content-Length", "0"))
            .build();

    @Test
    void writesRequestHeadBytes() {
        byte[] b = HeadWriter.toBytes(REQUEST);
        assertEquals("POST /upload?x=1 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nX-Name: na\u00efve\r\n\r\n",
                new String(b, StandardCharsets.ISO_8859_1));
        assertEquals(b.length, HeadWriter.encodedLength(REQUEST));
    }

    @Test
    void writesResponseHeadBytes() {
        byte[] b = HeadWriter.toBytes(RESPONSE);
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n",
                new String(b, StandardCharsets.ISO_8859_1));
        assertEquals(b.length, HeadWriter.encodedLength(RESPONSE));
        assertEquals("HTTP/1.0 200 \r\n\r\n", new String(HeadWriter.toBytes(
                ResponseHead.builder(200, "").version(HttpVersion.HTTP_1_0).build()), StandardCharsets.ISO_8859_1));
    }

    @Test
    void parsesBackWhatItWrites() {
        RequestHead parsed = HeadParser.forRequests(WireLimits.defaults()).parse(ByteBuffer.wrap(HeadWriter.toBytes(REQUEST)));
        assertEquals(REQUEST, parsed);
        ResponseHead back = HeadParser.forResponses(WireLimits.defaults()).parse(ByteBuffer.wrap(HeadWriter.toBytes(RESPONSE)));
        assertEquals(RESPONSE, back);
        assertEquals(RESPONSE.newBuilder().build(), back);
        assertEquals(REQUEST.newBuilder().build(), parsed);
    }

    @Test
    void writesIntoACallerBufferOrRefusesWithoutWriting() {
        HeadWriter w = new HeadWriter();
        ByteBuffer out = ByteBuffer.allocate(200);
        int n = w.write(REQUEST, out);
        assertEquals(HeadWriter.encodedLength(REQUEST), n);
        assertEquals(n, out.position());
        ByteBuffer small = ByteBuffer.allocate(10);
        assertThrows(BufferOverflowException.class, () -> w.write(RESPONSE, small));
        assertEquals(0, small.position());
    }

    @Test
    void reusesItsBufferAcrossCalls() {
        HeadWriter w = new HeadWriter();
        ByteBuffer first = w.encode(RESPONSE);
        ByteBuffer second = w.encode(REQUEST);
        assertTrue(first.array() == second.array());
        byte[] copy = new byte[second.remaining()];
        second.get(copy);
        assertArrayEquals(HeadWriter.toBytes(REQUEST), copy);
    }

    @Test
    void refusesTargetsThatCouldSplitTheRequestLine() {
        for (String bad : new String[] {"/a b", "/a\r\nX: 1", "/\u0000", "/caf\u00e9", "", "/\u20ac"}) {
            assertThrows(IllegalArgumentException.class, () -> RequestHead.builder(Method.GET, bad), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestHead.builder(Method.GET, "/a\nb"));
        assertTrue(e.getMessage().contains("LF"), e.getMessage());
    }

    @Test
    void refusesReasonsThatCouldSplitTheStatusLine() {
        for (String bad : new String[] {"OK\r\nSet-Cookie: a=b", "O\u0000K", "\n", "\u20ac"}) {
            assertThrows(IllegalArgumentException.class, () -> ResponseHead.builder(200, bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ResponseHead.builder(99, "Low"));
        assertThrows(IllegalArgumentException.class, () -> ResponseHead.builder(1000, "High"));
    }

    @Test
    void methodsCannotHoldSeparators() {
        assertThrows(IllegalArgumentException.class, () -> Method.of("GET /x HTTP/1.1\r\n"));
    }
}
