package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.json.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the requests recorded from httpbin 0.7.0 (see httpbin-fixture/README.md) against
 * Courier's HttpBin and checks every answer has httpbin's shape; runs without Python.
 */
class HttpBinFixtureTest {

    static List<?> fixture() throws Exception {
        try (InputStream in = HttpBinFixtureTest.class.getResourceAsStream("/httpbin-fixture/httpbin-0.7.0.json")) {
            return (List<?>) Json.parse(in.readAllBytes());
        }
    }

    @Test
    void everyRecordedAnswerHasTheSameShapeFromCourier() throws Exception {
        List<?> entries = fixture();
        assertTrue(entries.size() >= 30, "the fixture should hold the recorded cases, has " + entries.size());
        List<String> diffs = new ArrayList<>();
        try (BinServer bin = BinServer.start()) {
            for (Object o : entries) {
                Map<?, ?> entry = (Map<?, ?>) o;
                Response r = HttpBinShapes.send(bin.server.url(), entry);
                diffs.addAll(HttpBinShapes.diff(entry, r.statusCode(), headers(r), r.text()));
            }
        }
        assertEquals(List.of(), diffs);
    }

    static Map<String, String> headers(Response r) {
        Map<String, String> m = new HashMap<>();
        r.headers().forEach((k, v) -> m.putIfAbsent(titleCase(k), v));
        return m;
    }

    private static String titleCase(String name) {
        return HeaderNames.titleCase(name).replace("Etag", "ETag").replace("Www-", "WWW-");
    }
}
