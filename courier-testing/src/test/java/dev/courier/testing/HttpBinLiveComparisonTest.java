package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Response;
import dev.courier.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends the same requests to the real httpbin (Debian's python3-httpbin) and to Courier's
 * HttpBin over loopback, and compares the answers: status, selected headers, JSON keys, value
 * types and host-independent values. Skipped, with the reason, where httpbin cannot run.
 */
class HttpBinLiveComparisonTest {

    private static PythonHttpBin python;
    private static BinServer courier;

    @BeforeAll
    static void start() throws Exception {
        String reason = PythonHttpBin.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "skipped: " + reason);
        python = PythonHttpBin.start();
        courier = BinServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (python != null) {
            python.close();
        }
        if (courier != null) {
            courier.close();
        }
    }

    @Test
    void everyFixtureRequestGetsTheSameShapeFromBoth() throws Exception {
        List<String> diffs = new ArrayList<>();
        int compared = 0;
        for (Object o : HttpBinFixtureTest.fixture()) {
            Map<?, ?> entry = (Map<?, ?>) o;
            Response theirs = HttpBinShapes.send(python.url, entry);
            Response ours = HttpBinShapes.send(courier.server.url(), entry);
            diffs.addAll(HttpBinShapes.diff(live(entry, theirs), ours.statusCode(), HttpBinFixtureTest.headers(ours), ours.text()));
            compared++;
        }
        assertTrue(compared >= 30);
        assertEquals(List.of(), diffs);
    }

    /** Returns a fixture-like entry holding httpbin's live answer instead of the recorded one. */
    private static Map<String, Object> live(Map<?, ?> entry, Response r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", entry.get("name"));
        e.put("request", entry.get("request"));
        e.put("status", r.statusCode());
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> all = HttpBinFixtureTest.headers(r);
        for (String h : HttpBinShapes.COMPARED_HEADERS) {
            if (all.containsKey(h)) {
                headers.put(h, all.get(h));
            }
        }
        if (all.containsKey("Content-Type")) {
            headers.put("Content-Type", all.get("Content-Type"));
        }
        e.put("headers", headers);
        String ct = all.getOrDefault("Content-Type", "");
        if (ct.startsWith("application/json") && !((String) entry.get("name")).startsWith("stream")) {
            Object json = Json.parse(r.text());
            e.put("json", withoutWsgirefHeaders(json, entry));
        } else if (((String) entry.get("name")).startsWith("stream")) {
            StringBuilder lines = new StringBuilder();
            for (String line : r.text().split("\n")) {
                lines.append(Json.write(withoutWsgirefHeaders(Json.parse(line), entry))).append('\n');
            }
            e.put("text", lines.toString());
        } else {
            e.put("text", r.text());
        }
        return e;
    }

    /**
     * Returns httpbin's JSON without the request headers wsgiref invents for a request with no
     * body (an empty Content-Length and Content-Type text/plain, from its CGI-style environ).
     */
    private static Object withoutWsgirefHeaders(Object json, Map<?, ?> entry) {
        Map<?, ?> req = (Map<?, ?>) entry.get("request");
        if (req.get("body_base64") != null || !(json instanceof Map) || !(((Map<?, ?>) json).get("headers") instanceof Map)) {
            return json;
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) json);
        Map<Object, Object> headers = new LinkedHashMap<>((Map<?, ?>) copy.get("headers"));
        if ("".equals(headers.get("Content-Length"))) {
            headers.remove("Content-Length");
        }
        if ("text/plain".equals(headers.get("Content-Type"))) {
            headers.remove("Content-Type");
        }
        copy.put("headers", headers);
        return copy;
    }
}
