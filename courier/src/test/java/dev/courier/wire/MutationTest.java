package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid messages at seeded random positions and checks that every parser either
 * succeeds, asks for more, or throws {@link HttpParseException}: never another exception, never a
 * loop. Bounded to a fixed number of cases so it stays fast.
 */
class MutationTest {

    private static final int CASES = 3000;
    private static final byte[] INTERESTING = bytes("\r\n :;\t\u0000\u007f\u00ff0aZ,-");

    private static int mutateAndRun(byte[] valid, long seed, Consumer<byte[]> parse) {
        Random rnd = new Random(seed);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] m = valid.clone();
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                m[rnd.nextInt(m.length)] = rnd.nextBoolean()
                        ? INTERESTING[rnd.nextInt(INTERESTING.length)] : (byte) rnd.nextInt(256);
            }
            try {
                parse.accept(m);
            } catch (HttpParseException expected) {
                rejected++;
            }
        }
        return rejected;
    }

    @Test
    void mutatedRequestsOnlyEverFailWithHttpParseException() {
        byte[] valid = bytes("POST /a?b=c HTTP/1.1\r\nHost: example.com\r\nContent-Length: 12\r\nX-A: v\r\n\r\n");
        int rejected = mutateAndRun(valid, 1, m -> HeadParser.forRequests(WireLimits.defaults()).parse(ByteBuffer.wrap(m)));
        assertTrue(rejected > CASES / 4, "mutations should mostly be caught, rejected " + rejected);
    }

    @Test
    void mutatedResponsesOnlyEverFailWithHttpParseException() {
        byte[] valid = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nServer: x\r\n\r\n");
        int rejected = mutateAndRun(valid, 2, m -> {
            ResponseHead h = HeadParser.forResponses(WireLimits.defaults()).parse(ByteBuffer.wrap(m));
            if (h != null) {
                h.framing(dev.courier.http.Method.GET);
            }
        });
        assertTrue(rejected > 0);
    }

    @Test
    void mutatedChunkedBodiesOnlyEverFailWithHttpParseException() {
        byte[] valid = bytes("5;x=y\r\nhello\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n");
        int rejected = mutateAndRun(valid, 3, m -> {
            ChunkedDecoder d = new ChunkedDecoder(WireLimits.defaults(), true);
            ByteBuffer in = ByteBuffer.wrap(m);
            for (int guard = 0; in.hasRemaining() && !d.isComplete(); guard++) {
                assertTrue(guard < 1000, "no progress");
                d.decode(in);
            }
        });
        assertTrue(rejected > CASES / 4);
    }

    @Test
    void corruptedGzipOnlyEverFailsWithHttpParseException() throws Exception {
        byte[] valid = ContentDecoderTest.gzip(bytes("hello hello hello hello, this is gzip"));
        mutateAndRun(valid, 4, m -> {
            try (GzipDecoder d = new GzipDecoder()) {
                ByteBuffer in = ByteBuffer.wrap(m);
                ByteBuffer out = ByteBuffer.allocate(64);
                for (int guard = 0; guard < 1000; guard++) {
                    out.clear();
                    if (d.decode(in, out) == 0 && !in.hasRemaining()) {
                        break;
                    }
                }
                d.endOfInput();
            }
        });
    }
}
