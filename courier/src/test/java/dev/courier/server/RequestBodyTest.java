package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.wire.BodyDecoder;
import dev.courier.wire.Framing;
import dev.courier.wire.WireLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request body stream over a scripted transport: every split, limits, drain, 100-continue. */
class RequestBodyTest {

    /** Gives the script's bytes at most {@code step} at a time, then EOF (or a timeout). */
    static final class ScriptedTransport extends Transport {
        private final byte[] script;
        private final int step;
        private final boolean timeoutAtEnd;
        private int at;

        ScriptedTransport(String script, int step, boolean timeoutAtEnd) {
            this.script = script.getBytes(StandardCharsets.ISO_8859_1);
            this.step = step;
            this.timeoutAtEnd = timeoutAtEnd;
        }

        @Override
        int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
            if (at == script.length) {
                if (timeoutAtEnd) {
                    throw new SocketTimeoutException("scripted");
                }
                return -1;
            }
            int n = Math.min(Math.min(step, len), script.length - at);
            System.arraycopy(script, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        void write(byte[] b, int off, int len) {
        }

        @Override
        void sendFile(FileChannel file, long position, long length) {
        }

        @Override
        InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        boolean isSecure() {
            return false;
        }

        @Override
        List<Certificate> peerCertificates() {
            return List.of();
        }

        @Override
        void shutdownOutput() {
        }

        @Override
        public void close() {
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static RequestBody body(InputBuffer input, Framing framing, long max, RequestBody.Continue c) {
        return new RequestBody(input, BodyDecoder.forFraming(framing, true, WireLimits.defaults()), max, 1000, c);
    }

    @Test
    void stopsAtTheEndOfAChunkedBodyAtEverySplitLeavingTheNextRequest() throws Exception {
        String next = "GET /next HTTP/1.1\r\n";
        String wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n" + next;
        for (int step = 1; step <= wire.length(); step++) {
            InputBuffer input = new InputBuffer(new ScriptedTransport(wire, step, false));
            RequestBody b = body(input, Framing.CHUNKED, 1000, null);
            assertEquals("hello, world", readAll(b), "step " + step);
            // Bounded by the script's length; fill() appends after the unconsumed bytes.
            while (input.fill(1000) > 0) {
                assertTrue(input.buf.remaining() <= next.length());
            }
            String rest = new String(input.buf.array(), input.buf.position(), input.buf.remaining(), StandardCharsets.ISO_8859_1);
            assertEquals(next, rest, "step " + step + ": body reading never passes its end");
        }
    }

    @Test
    void readsAContentLengthBodyWhateverTheSplit() throws Exception {
        for (int step = 1; step <= 12; step++) {
            InputBuffer input = new InputBuffer(new ScriptedTransport("0123456789TAIL", step, false));
            assertEquals("0123456789", readAll(body(input, Framing.contentLength(10), 100, null)), "step " + step);
        }
    }

    @Test
    void refusesABodyPastTheLimitWith413AndMarksItBroken() {
        InputBuffer input = new InputBuffer(new ScriptedTransport("8\r\n01234567\r\n8\r\n01234567\r\n0\r\n\r\n", 4, false));
        RequestBody b = body(input, Framing.CHUNKED, 10, null);
        AbortException e = assertThrows(AbortException.class, () -> readAll(b));
        assertEquals(413, e.status());
        assertTrue(e.getMessage().contains("maxBodyBytes=10"), e.getMessage());
        assertTrue(b.broken());
        assertFalse(b.drain(1000), "a broken body cannot be drained");
    }

    @Test
    void turnsAMalformedChunkInto400() {
        InputBuffer input = new InputBuffer(new ScriptedTransport("zz\r\n", 64, false));
        RequestBody b = body(input, Framing.CHUNKED, 100, null);
        AbortException e = assertThrows(AbortException.class, () -> readAll(b));
        assertEquals(400, e.status());
        assertTrue(b.broken());
    }

    @Test
    void turnsASilentClientInto408() {
        InputBuffer input = new InputBuffer(new ScriptedTransport("abc", 64, true));
        RequestBody b = body(input, Framing.contentLength(10), 100, null);
        AbortException e = assertThrows(AbortException.class, () -> readAll(b));
        assertEquals(408, e.status());
    }

    @Test
    void turnsAnEarlyCloseIntoATruncationError() {
        InputBuffer input = new InputBuffer(new ScriptedTransport("abc", 64, false));
        RequestBody b = body(input, Framing.contentLength(10), 100, null);
        AbortException e = assertThrows(AbortException.class, () -> readAll(b));
        assertEquals(400, e.status());
    }

    @Test
    void sendsContinueOnceBeforeTheFirstRead() throws Exception {
        int[] sent = new int[1];
        InputBuffer input = new InputBuffer(new ScriptedTransport("abcd", 1, false));
        RequestBody b = body(input, Framing.contentLength(4), 100, () -> sent[0]++);
        assertEquals(0, sent[0], "nothing before the handler reads");
        assertEquals("abcd", readAll(b));
        assertEquals(1, sent[0]);
    }

    @Test
    void refusesToDrainABodyTheClientWasNeverAskedToSend() {
        InputBuffer input = new InputBuffer(new ScriptedTransport("abcd", 4, false));
        RequestBody b = body(input, Framing.contentLength(4), 100, () -> { });
        assertFalse(b.drain(1000), "100 Continue was expected and never sent: close instead of waiting");
    }

    @Test
    void drainsASmallUnreadBodyButNotALargeOne() {
        assertTrue(body(new InputBuffer(new ScriptedTransport("abcd", 4, false)), Framing.contentLength(4), 100, null).drain(4));
        assertFalse(body(new InputBuffer(new ScriptedTransport("abcdefgh", 8, false)), Framing.contentLength(8), 100, null).drain(4));
    }
}
