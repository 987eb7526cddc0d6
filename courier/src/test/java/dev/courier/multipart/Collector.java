package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A listener that keeps every part, checking the event order as it goes. */
final class Collector implements MultipartParser.Listener {

    record Decoded(PartHeaders headers, byte[] content) {}

    final List<Decoded> parts = new ArrayList<>();
    private PartHeaders current;
    private ByteArrayOutputStream content;

    @Override
    public void partStart(int index, PartHeaders headers) {
        assertNull(current, "partStart while a part is open");
        if (index != parts.size()) {
            throw new AssertionError("index " + index + " but " + parts.size() + " parts done");
        }
        current = headers;
        content = new ByteArrayOutputStream();
    }

    @Override
    public void partData(ByteBuffer data) {
        assertNotNull(current, "partData outside a part");
        byte[] b = new byte[data.remaining()];
        data.get(b);
        content.writeBytes(b);
    }

    @Override
    public void partEnd() {
        assertNotNull(current, "partEnd outside a part");
        parts.add(new Decoded(current, content.toByteArray()));
        current = null;
    }

    /** How a body is cut into slices for {@link MultipartParser#feed}. */
    enum Split { WHOLE, ONE_BYTE, RANDOM }

    /** Decodes {@code body} fed in slices cut as {@code split} says, and finishes. */
    static List<Decoded> decode(String contentType, byte[] body, Split split, long seed) {
        Collector c = new Collector();
        MultipartParser p = MultipartParser.forContentType(contentType, c);
        feed(p, body, split, seed);
        p.finish();
        return c.parts;
    }

    static void feed(MultipartParser p, byte[] body, Split split, long seed) {
        Random rnd = new Random(seed);
        int i = 0;
        while (i < body.length) {
            int n = split == Split.WHOLE ? body.length - i
                    : split == Split.ONE_BYTE ? 1 : 1 + rnd.nextInt(Math.min(body.length - i, 97));
            // Copy into a fresh array at an offset, so the parser cannot rely on array positions.
            byte[] copy = new byte[n + 3];
            System.arraycopy(body, i, copy, 3, n);
            p.feed(ByteBuffer.wrap(copy, 3, n));
            i += n;
        }
    }
}
