package dev.courier.testing;

import dev.courier.server.Reply;
import dev.courier.server.Request;
import java.nio.charset.StandardCharsets;

/**
 * httpbin's {@code /range/{n}}: n bytes of {@code abc...z} repeated, honouring one
 * {@code Range: bytes=...} (RFC 9110 §14.2) with 206, or 416 when unsatisfiable.
 */
final class RangeReply {

    private RangeReply() {
    }

    static Reply reply(Request req) {
        int n = req.pathParamInt("n");
        if (n <= 0 || n > DataRoutes.DEFAULT_MAX_BYTES) {
            return Reply.builder(404).header("ETag", "range" + n).header("Accept-Ranges", "bytes")
                    .contentType("text/plain; charset=utf-8")
                    .body("number of bytes must be in the range (0, 102400]".getBytes(StandardCharsets.UTF_8)).build();
        }
        long[] range = parse(req.header("Range"), n);
        long first = range[0];
        long last = range[1];
        if (first > last || first < 0 || first >= n || last >= n) {
            return Reply.builder(416).header("ETag", "range" + n).header("Accept-Ranges", "bytes")
                    .header("Content-Range", "bytes */" + n).contentType("text/plain; charset=utf-8").build();
        }
        byte[] body = new byte[(int) (last - first + 1)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + ((first + i) % 26));
        }
        int status = first == 0 && last == n - 1 ? 200 : 206;
        return Reply.builder(status).contentType("application/octet-stream").header("ETag", "range" + n)
                .header("Accept-Ranges", "bytes").header("Content-Range", "bytes " + first + "-" + last + "/" + n)
                .body(body).build();
    }

    /** Returns {first, last} for {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-suffix}; the whole when absent or unreadable. */
    static long[] parse(String header, int n) {
        long[] whole = {0, n - 1};
        if (header == null || !header.trim().startsWith("bytes=")) {
            return whole;
        }
        String spec = header.trim().substring(6).trim();
        int comma = spec.indexOf(',');
        if (comma >= 0) {
            spec = spec.substring(0, comma).trim(); // like httpbin, only the first range counts
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return new long[] {Math.max(0, n - suffix), n - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? n - 1 : Math.min(Long.parseLong(b), n - 1);
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return whole;
        }
    }
}
