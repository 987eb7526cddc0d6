package dev.courier.testing;

import dev.courier.json.Json;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** httpbin's caching endpoints ({@code /cache}, {@code /cache/{n}}, {@code /etag/{etag}}) and {@code /response-headers}. */
final class CacheRoutes {

    private CacheRoutes() {
    }

    static void mount(Router r) {
        r.get("/cache", req -> {
            if (req.header("If-Modified-Since") != null || req.header("If-None-Match") != null) {
                return StatusReplies.forCode(304);
            }
            return get(req).newBuilder()
                    .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .header("ETag", UUID.randomUUID().toString().replace("-", "")).build();
        });
        r.get("/cache/{n}", req -> get(req).withHeader("Cache-Control", "public, max-age=" + req.pathParamInt("n")));
        r.get("/etag/{etag}", req -> {
            String etag = req.pathParam("etag");
            List<String> ifNoneMatch = tags(req.header("If-None-Match"));
            List<String> ifMatch = tags(req.header("If-Match"));
            // RFC 9110 §13.1.2: If-None-Match wins over If-Match, as httpbin orders them.
            if (!ifNoneMatch.isEmpty()) {
                if (ifNoneMatch.contains(etag) || ifNoneMatch.contains("*")) {
                    return StatusReplies.forCode(304).withHeader("ETag", etag);
                }
            } else if (!ifMatch.isEmpty() && !ifMatch.contains(etag) && !ifMatch.contains("*")) {
                return StatusReplies.forCode(412);
            }
            return get(req).withHeader("ETag", etag);
        });
        r.get("/response-headers", CacheRoutes::responseHeaders);
        r.post("/response-headers", CacheRoutes::responseHeaders);
    }

    private static Reply get(Request req) throws IOException {
        return HttpBin.json(EchoDict.of(req).pick("url", "args", "headers", "origin"));
    }

    /** Returns the entity tags of an If-Match/If-None-Match value, quotes and W/ removed. */
    static List<String> tags(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(",")) {
            String t = part.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Adds each query parameter as a response header and answers with a JSON object of the
     * response's headers, Content-Length included: its value depends on the body's own length,
     * so the body is rebuilt until the length stops changing (at most a few rounds).
     */
    private static Reply responseHeaders(Request req) {
        Map<String, List<String>> params = req.queryParams();
        Map<String, Object> shown = new TreeMap<>();
        shown.put("Content-Type", "application/json");
        shown.putAll(EchoDict.semiflatten(params));
        byte[] body = new byte[0];
        for (int round = 0; round < 10; round++) {
            shown.put("Content-Length", String.valueOf(body.length));
            byte[] next = (Json.write(shown) + "\n").getBytes(StandardCharsets.UTF_8);
            if (next.length == body.length) {
                body = next;
                break;
            }
            body = next;
        }
        Reply.Builder b = Reply.builder(200).contentType("application/json").body(body);
        params.forEach((name, values) -> {
            for (String v : values) {
                if (name.equalsIgnoreCase("Content-Type")) {
                    b.setHeader("Content-Type", v);
                } else if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                    b.header(name, v);
                }
            }
        });
        return b.build();
    }
}
