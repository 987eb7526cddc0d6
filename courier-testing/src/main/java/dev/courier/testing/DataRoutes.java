package dev.courier.testing;

import dev.courier.json.Json;
import dev.courier.server.AbortException;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/** httpbin's generated-data endpoints: status, bytes, streams, ranges, drip, delay and base64. */
final class DataRoutes {

    /** httpbin caps /bytes, /stream-bytes and /range at 100 KiB. */
    static final int DEFAULT_MAX_BYTES = 100 * 1024;
    /** httpbin caps /stream at 100 lines. */
    static final int DEFAULT_MAX_LINES = 100;
    /** httpbin caps /delay at 10 s; Courier applies the same cap to /drip's duration and delay. */
    static final double DEFAULT_MAX_DELAY_SECONDS = 10;
    /** httpbin caps /drip at 10 MiB. */
    static final int DEFAULT_MAX_DRIP_BYTES = 10 * 1024 * 1024;

    private DataRoutes() {
    }

    static void mount(Router r) {
        for (dev.courier.http.Method m : new dev.courier.http.Method[] {dev.courier.http.Method.GET,
                dev.courier.http.Method.POST, dev.courier.http.Method.PUT, dev.courier.http.Method.DELETE,
                dev.courier.http.Method.PATCH, dev.courier.http.Method.TRACE}) {
            r.route(m, "/status/{codes}", req -> StatusReplies.forCodes(req.pathParam("codes"), ThreadLocalRandom.current()));
        }
        r.get("/bytes/{n}", req -> {
            int n = Math.min(Math.max(req.pathParamInt("n"), 0), DEFAULT_MAX_BYTES);
            byte[] b = new byte[n];
            random(req).nextBytes(b);
            return Reply.bytes(b, "application/octet-stream");
        });
        r.get("/stream-bytes/{n}", req -> {
            int n = Math.min(Math.max(req.pathParamInt("n"), 0), DEFAULT_MAX_BYTES);
            byte[] b = new byte[n];
            random(req).nextBytes(b);
            int chunk = Math.max(1, intParam(req, "chunk_size", 10 * 1024));
            return Reply.stream(new PacedInputStream(b, chunk, 0), -1, "application/octet-stream");
        });
        r.get("/stream/{n}", req -> {
            int n = Math.min(Math.max(req.pathParamInt("n"), 0), DEFAULT_MAX_LINES);
            Map<String, Object> d = EchoDict.of(req).pick("url", "args", "headers", "origin");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Map<String, Object> line = new TreeMap<>(d);
                line.put("id", i);
                sb.append(Json.write(line)).append('\n');
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            // One line per chunk, so a client reading lines sees them arrive one by one.
            return Reply.stream(new PacedInputStream(body, Math.max(1, body.length / Math.max(1, n)), 0), -1,
                    "application/json");
        });
        r.get("/range/{n}", RangeReply::reply);
        r.get("/drip", DataRoutes::drip);
        r.get("/delay/{n}", req -> {
            double seconds = Math.min(Math.max(doubleParam(req.pathParam("n")), 0), DEFAULT_MAX_DELAY_SECONDS);
            sleep(seconds);
            return HttpBin.json(EchoDict.of(req).pick("url", "args", "form", "data", "origin", "headers", "files"));
        });
        r.get("/base64/{value}", req -> {
            try {
                byte[] decoded = Base64.getUrlDecoder().decode(req.pathParam("value"));
                return Reply.bytes(decoded, "text/html; charset=utf-8");
            } catch (IllegalArgumentException e) {
                return Reply.builder(400).contentType("text/html; charset=utf-8")
                        .body("Incorrect Base64 data try: SFRUUEJJTiBpcyBhd2Vzb21l".getBytes(StandardCharsets.UTF_8))
                        .build();
            }
        });
    }

    /** Sends {@code numbytes} asterisks spread over {@code duration} seconds after {@code delay}. */
    private static Reply drip(Request req) throws InterruptedException {
        double duration = Math.min(doubleParam(orDefault(req.query("duration"), "2")), DEFAULT_MAX_DELAY_SECONDS);
        int numbytes = Math.min(intParam(req, "numbytes", 10), DEFAULT_MAX_DRIP_BYTES);
        int code = intParam(req, "code", 200);
        double delay = Math.min(doubleParam(orDefault(req.query("delay"), "0")), DEFAULT_MAX_DELAY_SECONDS);
        if (numbytes <= 0) {
            return Reply.builder(400).contentType("text/html; charset=utf-8")
                    .body("number of bytes must be positive".getBytes(StandardCharsets.UTF_8)).build();
        }
        sleep(delay);
        byte[] stars = new byte[numbytes];
        java.util.Arrays.fill(stars, (byte) '*');
        long pauseNanos = (long) (Math.max(duration, 0) * 1e9 / numbytes);
        return Reply.builder(code).contentType("application/octet-stream")
                .body(new PacedInputStream(stars, 1, pauseNanos), numbytes).build();
    }

    private static Random random(Request req) {
        String seed = req.query("seed");
        if (seed == null) {
            return new Random();
        }
        try {
            return new Random(Long.parseLong(seed.trim()));
        } catch (NumberFormatException e) {
            throw new AbortException(400, "seed must be an integer, got " + seed);
        }
    }

    static int intParam(Request req, String name, int fallback) {
        String v = req.query(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new AbortException(400, name + " must be an integer, got " + v);
        }
    }

    private static double doubleParam(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException("NaN");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new AbortException(400, "expected a number of seconds, got " + v);
        }
    }

    private static String orDefault(String v, String fallback) {
        return v == null ? fallback : v;
    }

    private static void sleep(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep((long) (seconds * 1000));
        }
    }

    /** An in-memory body handed out {@code chunk} bytes per read, sleeping {@code pauseNanos} per byte before each read. */
    static final class PacedInputStream extends ByteArrayInputStream {
        private final int chunk;
        private final long pauseNanos;

        PacedInputStream(byte[] bytes, int chunk, long pauseNanos) {
            super(bytes);
            this.chunk = chunk;
            this.pauseNanos = pauseNanos;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (pos > 0 && pauseNanos > 0 && pos < count) {
                try {
                    Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
