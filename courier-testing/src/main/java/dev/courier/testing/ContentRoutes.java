package dev.courier.testing;

import dev.courier.server.AbortException;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** httpbin's content endpoints: encoded bodies, sample documents, images and link pages. */
final class ContentRoutes {

    /** httpbin shows between 1 and 200 links per page. */
    static final int DEFAULT_MAX_LINKS = 200;

    private ContentRoutes() {
    }

    static void mount(Router r) {
        r.get("/gzip", req -> encoded(req, "gzip", "gzipped"));
        r.get("/deflate", req -> encoded(req, "deflate", "deflated"));
        r.get("/html", req -> Reply.html(SampleDocuments.HTML));
        r.get("/json", req -> Reply.bytes(SampleDocuments.JSON.getBytes(StandardCharsets.UTF_8), "application/json"));
        r.get("/xml", req -> Reply.bytes(SampleDocuments.XML.getBytes(StandardCharsets.UTF_8), "application/xml"));
        r.get("/encoding/utf8", req -> Reply.html(SampleDocuments.UTF8));
        r.get("/image/png", req -> Reply.bytes(Images.png(), "image/png"));
        r.get("/image/jpeg", req -> Reply.bytes(Images.jpeg(), "image/jpeg"));
        r.get("/image/svg", req -> Reply.bytes(Images.svg(), "image/svg+xml"));
        r.get("/image", req -> {
            // httpbin picks by substring of Accept; without Accept it sends PNG.
            String accept = req.header("Accept");
            if (accept == null) {
                return Reply.bytes(Images.png(), "image/png");
            }
            accept = accept.toLowerCase(java.util.Locale.ROOT);
            if (accept.contains("image/svg+xml")) {
                return Reply.bytes(Images.svg(), "image/svg+xml");
            }
            if (accept.contains("image/jpeg")) {
                return Reply.bytes(Images.jpeg(), "image/jpeg");
            }
            if (accept.contains("image/png") || accept.contains("image/*")) {
                return Reply.bytes(Images.png(), "image/png");
            }
            return StatusReplies.forCode(406);
        });
        r.get("/links/{n}", req -> HttpBin.redirect("/links/" + req.pathParamInt("n") + "/0"));
        r.get("/links/{n}/{offset}", req -> {
            int n = Math.min(Math.max(1, req.pathParamInt("n")), DEFAULT_MAX_LINKS);
            int offset = req.pathParamInt("offset");
            StringBuilder sb = new StringBuilder("<html><head><title>Links</title></head><body>");
            for (int i = 0; i < n; i++) {
                if (i == offset) {
                    sb.append(i).append(' ');
                } else {
                    sb.append("<a href='/links/").append(n).append('/').append(i).append("'>").append(i).append("</a> ");
                }
            }
            return Reply.html(sb.append("</body></html>").toString());
        });
    }

    private static Reply encoded(dev.courier.server.Request req, String coding, String flag) throws IOException {
        Map<String, Object> d = EchoDict.of(req).pick("origin", "headers", "method");
        d.put(flag, true);
        byte[] json = (dev.courier.json.Json.write(d) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.io.OutputStream z = coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            z.write(json);
        } catch (IOException e) {
            throw new AbortException(500, "cannot compress: " + e.getMessage());
        }
        // "deflate" is the zlib format (RFC 9110 §8.4.1.2), which DeflaterOutputStream writes.
        return Reply.builder(200).contentType("application/json").header("Content-Encoding", coding)
                .body(out.toByteArray()).build();
    }
}
