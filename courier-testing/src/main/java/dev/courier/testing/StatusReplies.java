package dev.courier.testing;

import dev.courier.server.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** httpbin's {@code /status/{codes}}: a fixed code, or a weighted random pick among several. */
final class StatusReplies {

    private StatusReplies() {
    }

    /**
     * Returns the reply for {@code codes}: {@code "418"}, {@code "200,500"} (equal weights) or
     * {@code "200:0.9,500:0.1"}; a 400 for anything else, as httpbin does.
     */
    static Reply forCodes(String codes, Random random) {
        List<int[]> choices = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String choice : codes.split(",", -1)) {
            int colon = choice.indexOf(':');
            String code = colon < 0 ? choice : choice.substring(0, colon);
            try {
                choices.add(new int[] {Integer.parseInt(code.trim())});
                weights.add(colon < 0 ? 1.0 : Double.parseDouble(choice.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return invalid();
            }
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        int picked = choices.get(choices.size() - 1)[0];
        for (int i = 0; i < choices.size(); i++) {
            r -= weights.get(i);
            if (r < 0) {
                picked = choices.get(i)[0];
                break;
            }
        }
        return forCode(picked);
    }

    private static Reply invalid() {
        return Reply.builder(400).contentType("text/html; charset=utf-8")
                .body("Invalid status code".getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Returns httpbin's reply for one status: redirects point to /redirect/1, 401 asks for Basic. */
    static Reply forCode(int code) {
        if (code < 200 || code > 599) {
            return invalid(); // a handler cannot send 1xx or codes outside 200..599
        }
        Reply.Builder b = Reply.builder(code).contentType("text/html; charset=utf-8");
        switch (code) {
            case 301: case 302: case 303: case 305: case 307:
                b.header("Location", "/redirect/1");
                break;
            case 401:
                b.header("WWW-Authenticate", "Basic realm=\"Fake Realm\"");
                break;
            case 407:
                b.header("Proxy-Authenticate", "Basic realm=\"Fake Realm\"");
                break;
            case 402:
                b.body("Payment required".getBytes(StandardCharsets.UTF_8));
                break;
            case 406:
                b.setHeader("Content-Type", "application/json");
                b.body(("{\"accept\": [\"image/webp\", \"image/svg+xml\", \"image/jpeg\", \"image/png\", \"image/*\"],"
                        + " \"message\": \"Client did not request a supported media type.\"}")
                        .getBytes(StandardCharsets.UTF_8));
                break;
            case 418:
                b.header("x-more-info", "http://tools.ietf.org/html/rfc2324");
                b.body("I'm a teapot\n".getBytes(StandardCharsets.UTF_8));
                break;
            default:
                break;
        }
        if (code == 204 || code == 304) {
            b.noBody();
        }
        return b.build();
    }
}
