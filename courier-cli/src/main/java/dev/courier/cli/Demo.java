package dev.courier.cli;

import dev.courier.Body;
import dev.courier.ReadTimeoutException;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import dev.courier.server.HttpServer;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code courier demo}: a guided tour against an embedded server on an ephemeral loopback port,
 * no network. Each step prints its request and response in one or two lines and checks what came
 * back; the run ends with one line per step and exits 0 only when every step passed.
 */
final class Demo {

    /** Size of the generated upload: big enough for a progress bar, small enough for a second. */
    private static final int UPLOAD_BYTES = 1024 * 1024;

    private interface Step {
        boolean run(Session s, String base) throws Exception;
    }

    /** Held so the level set on it is not lost to garbage collection; the access log would drown the tour. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("dev.courier.server");

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    int run() throws Exception {
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("GET with a query", this::query);
        steps.put("JSON POST echoed", this::jsonPost);
        steps.put("multipart upload with progress", this::upload);
        steps.put("cookies set and sent back", this::cookies);
        steps.put("redirect chain followed", this::redirects);
        steps.put("gzip response decoded", this::gzip);
        steps.put("read timeout caught", this::timeout);
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        List<String> summary = new ArrayList<>();
        boolean allOk = true;
        try (HttpServer server = DemoServer.start();
                Session s = Session.builder().timeout(Duration.ofSeconds(5)).build()) {
            out.println("courier demo: embedded server at " + server.url() + "\n");
            int i = 1;
            for (Map.Entry<String, Step> e : steps.entrySet()) {
                out.println(i + ". " + e.getKey());
                boolean ok;
                try {
                    ok = e.getValue().run(s, server.url());
                } catch (Exception ex) {
                    out.println("   ! " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
                    ok = false;
                }
                allOk &= ok;
                summary.add(String.format("%-34s %s", e.getKey(), ok ? "ok" : "FAILED"));
                out.println();
                i++;
            }
            server.stop(Duration.ofMillis(200));
        }
        summary.forEach(out::println);
        out.println(allOk ? "all steps passed" : "some steps failed");
        return allOk ? 0 : 1;
    }

    private void show(String method, String url, Response r) {
        out.println("   > " + method + " " + url.replaceFirst("^http://[^/]+", ""));
        String type = r.header("Content-Type");
        out.println("   < " + r.statusCode() + " " + r.reason() + (type == null ? "" : "  " + type));
    }

    private boolean query(Session s, String base) {
        Response r = s.request(Method.GET, base + "/get").params("name", "Ada", "lang", "java").send();
        show("GET", base + "/get?name=Ada&lang=java", r);
        String body = r.text();
        out.println("     " + body);
        Map<?, ?> args = (Map<?, ?>) ((Map<?, ?>) r.json()).get("args");
        return r.statusCode() == 200 && "Ada".equals(args.get("name")) && "java".equals(args.get("lang"));
    }

    private boolean jsonPost(Session s, String base) {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("name", "Ada");
        sent.put("languages", List.of("en", "fr"));
        Response r = s.post(base + "/post", Body.json(sent));
        show("POST", base + "/post  " + dev.courier.json.Json.write(sent), r);
        out.println("     " + r.text());
        return r.statusCode() == 200 && sent.equals(r.json());
    }

    private boolean upload(Session s, String base) throws Exception {
        byte[] data = new byte[UPLOAD_BYTES];
        new Random(42).nextBytes(data);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        Multipart mp = Multipart.form().field("title", "random bytes")
                .file("file", "random.bin", data, "application/octet-stream").build();
        int[] shown = {0};
        Response r = s.request(Method.POST, base + "/upload").body(Body.multipart(mp))
                .onUploadProgress((sentBytes, total) -> {
                    int pct = total > 0 ? (int) (sentBytes * 100 / total) : 0;
                    if (pct >= shown[0] + 25 || sentBytes == total && shown[0] < 100) {
                        shown[0] = pct;
                        out.printf("   ... %3d%% [%-20s] %d/%d bytes%n", pct, "#".repeat(pct / 5), sentBytes, total);
                    }
                }).send();
        show("POST", base + "/upload  multipart, " + Downloader.human(mp.contentLength()), r);
        Map<?, ?> m = (Map<?, ?>) r.json();
        out.println("     " + r.text());
        return r.statusCode() == 200 && sha.equals(m.get("sha256"))
                && ((Number) m.get("size")).longValue() == UPLOAD_BYTES;
    }

    private boolean cookies(Session s, String base) {
        Response set = s.request(Method.GET, base + "/cookies/set").params("flavor", "oatmeal").followRedirects(false)
                .send();
        show("GET", base + "/cookies/set?flavor=oatmeal", set);
        out.println("     Set-Cookie: " + set.header("Set-Cookie"));
        set.close();
        Response r = s.get(base + "/cookies");
        show("GET", base + "/cookies", r);
        out.println("     " + r.text());
        Map<?, ?> cookies = (Map<?, ?>) ((Map<?, ?>) r.json()).get("cookies");
        return "oatmeal".equals(cookies.get("flavor"));
    }

    private boolean redirects(Session s, String base) {
        Response r = s.get(base + "/redirect/3");
        for (Response hop : r.history()) {
            show("GET", hop.url(), hop);
        }
        show("GET", r.url(), r);
        return r.statusCode() == 200 && r.history().size() == 3 && r.url().endsWith("/get?redirected=yes");
    }

    private boolean gzip(Session s, String base) {
        Response r = s.get(base + "/gzip");
        show("GET", base + "/gzip", r);
        out.println("     Content-Encoding: " + r.header("Content-Encoding") + ", decoded: " + r.text());
        return "gzip".equals(r.header("Content-Encoding")) && Boolean.TRUE.equals(((Map<?, ?>) r.json()).get("gzipped"));
    }

    private boolean timeout(Session s, String base) {
        try (Session quick = Session.builder().readTimeout(Duration.ofMillis(200)).build()) {
            out.println("   > GET /delay/700  (read timeout 200 ms)");
            quick.get(base + "/delay/700").close();
            out.println("   < a response came: the timeout did not fire");
            return false;
        } catch (ReadTimeoutException expected) {
            out.println("   < caught " + expected.getClass().getSimpleName() + ": " + expected.getMessage());
            return true;
        }
    }
}
