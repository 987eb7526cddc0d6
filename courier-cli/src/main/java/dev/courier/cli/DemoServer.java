package dev.courier.cli;

import dev.courier.multipart.FormFile;
import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The routes {@code courier demo} talks to, a small httpbin written here on Courier's own
 * server: query echo, JSON echo, multipart upload digest, cookies, a redirect chain, gzip and a
 * slow route. Bound to loopback on an ephemeral port.
 */
final class DemoServer {

    private DemoServer() {
    }

    static HttpServer start() throws IOException {
        return start("127.0.0.1", 0);
    }

    static HttpServer start(String host, int port) throws IOException {
        Router r = new Router()
                .get("/get", req -> Reply.json(Map.of("args", flat(req), "url", req.path())))
                .post("/post", req -> Reply.bytes(req.bodyBytes(), "application/json"))
                .post("/upload", DemoServer::upload)
                .get("/cookies/set", req -> {
                    Reply.Builder b = Reply.builder(302).header("Location", "/cookies");
                    flat(req).forEach((k, v) -> b.cookie(k + "=" + v + "; Path=/"));
                    return b.build();
                })
                .get("/cookies", req -> Reply.json(Map.of("cookies", req.cookies())))
                .get("/redirect/{n}", req -> {
                    int n = req.pathParamInt("n");
                    return Reply.redirect(n <= 1 ? "/get?redirected=yes" : "/redirect/" + (n - 1));
                })
                .get("/gzip", req -> Reply.builder(200).contentType("application/json")
                        .header("Content-Encoding", "gzip").body(gzip("{\"gzipped\": true}")).build())
                .get("/delay/{ms}", req -> {
                    try {
                        Thread.sleep(Math.min(5000, req.pathParamInt("ms")));
                    } catch (InterruptedException stopping) {
                        // The server is stopping (the demo does not wait for this slow reply).
                        Thread.currentThread().interrupt();
                        return Reply.status(503);
                    }
                    return Reply.text("late\n");
                });
        return HttpServer.builder().host(host).port(port).handler(r).start();
    }

    private static Map<String, String> flat(Request req) {
        Map<String, String> m = new LinkedHashMap<>();
        req.queryParams().forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return m;
    }

    private static Reply upload(Request req) throws IOException, NoSuchAlgorithmException {
        FormFile f = req.form().file("file");
        if (f == null) {
            return Reply.status(400);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (InputStream in = f.open()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", f.filename());
        m.put("size", size);
        m.put("sha256", HexFormat.of().formatHex(sha.digest()));
        return Reply.json(m);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
