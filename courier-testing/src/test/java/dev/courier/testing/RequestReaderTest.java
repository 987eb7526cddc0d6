package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static final String CHUNKED = "POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nTrailer: x\r\n\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Hands out one byte per read, like the slowest network. */
    private static InputStream oneByteAtATime(byte[] b) {
        return new FilterInputStream(new ByteArrayInputStream(b)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(1, len));
            }
        };
    }

    @Test
    void readsHeadAndChunkedBodyWholeAndOneByteAtATimeAndLeavesTrailingBytes() throws Exception {
        byte[] twoRequests = bytes(CHUNKED + "GET /next HTTP/1.1\r\n\r\n");
        for (InputStream in : new InputStream[] {new ByteArrayInputStream(twoRequests), oneByteAtATime(twoRequests)}) {
            RequestReader r = new RequestReader(in);
            RequestReader.Head h = r.readHead();
            assertEquals("POST", h.method());
            assertEquals("/up", h.target());
            assertEquals("h", h.headers().get("host"));
            assertTrue(new String(h.raw(), StandardCharsets.ISO_8859_1).endsWith("chunked\r\n\r\n"));
            assertArrayEquals(bytes("abcde"), r.readBody(h));
            RequestReader.Head next = r.readHead();
            assertEquals("/next", next.target());
            assertEquals(0, r.readBody(next).length);
            assertNull(r.readHead());
        }
    }

    @Test
    void readsAContentLengthBodyAndToleratesBareLf() throws Exception {
        RequestReader r = new RequestReader(new ByteArrayInputStream(bytes("PUT /x HTTP/1.1\nContent-Length: 3\n\nabcEXTRA")));
        RequestReader.Head h = r.readHead();
        assertEquals("3", h.headers().get("Content-Length"));
        assertArrayEquals(bytes("abc"), r.readBody(h));
    }

    @Test
    void badInputIsNamedAndQuoted() {
        IOException line = assertThrows(IOException.class,
                () -> new RequestReader(new ByteArrayInputStream(bytes("NONSENSE\r\n\r\n"))).readHead());
        assertTrue(line.getMessage().contains("\"NONSENSE\""), line.getMessage());
        assertThrows(EOFException.class, () -> new RequestReader(new ByteArrayInputStream(bytes("GET / HT"))).readHead());
        IOException cl = assertThrows(IOException.class, () -> {
            RequestReader r = new RequestReader(new ByteArrayInputStream(bytes("POST / HTTP/1.1\r\nContent-Length: x1\r\n\r\n")));
            r.readBody(r.readHead());
        });
        assertTrue(cl.getMessage().contains("\"x1\""), cl.getMessage());
        IOException big = assertThrows(IOException.class,
                () -> new RequestReader(new ByteArrayInputStream(bytes("GET / HTTP/1.1\r\nX: " + "a".repeat(70_000)))).readHead());
        assertTrue(big.getMessage().contains("maxHeadBytes=65536"), big.getMessage());
    }

    @Test
    void readingOutOfOrderIsAStateError() {
        RequestReader r = new RequestReader(new ByteArrayInputStream(new byte[0]));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.readBody(null));
        assertTrue(e.getMessage().contains("HEAD"));
    }
}
