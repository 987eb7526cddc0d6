package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import dev.courier.server.HttpServer;
import dev.courier.server.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same script of requests against the example app, once in process through
 * {@link TestClient} and once over a socket with Courier's client: status, the headers that
 * carry meaning and the body must agree, once the per-session secrets (session ID, CSRF token)
 * are masked. A page test written with TestClient then says something about the real server.
 */
class ExampleAppParityTest {

    /** Headers compared; Date, Content-Length and Connection are the server's own (see TestClient). */
    private static final List<String> COMPARED = List.of("Content-Type", "Location", "Allow", "Content-Range",
            "ETag", "Set-Cookie");

    @TempDir
    Path dir;

    @Test
    void theInProcessClientAndASocketClientGetTheSameReplies() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "0123456789");
        List<String> inProcess = run(new InProcess(new TestClient(ExampleApp.router(dir))));
        List<String> overSocket;
        try (HttpServer server = ExampleApp.start(0, dir);
             Session s = Session.builder().baseUrl(server.url()).followRedirects(false).build()) {
            overSocket = run(new OverSocket(s));
        }
        assertEquals(inProcess.size(), overSocket.size());
        for (int i = 0; i < inProcess.size(); i++) {
            assertEquals(inProcess.get(i), overSocket.get(i), "step " + (i + 1));
        }
        assertTrue(inProcess.get(3).contains("<li class=\"flash message\">Form received</li>"), inProcess.get(3));
        assertTrue(inProcess.get(7).startsWith("403 "), inProcess.get(7));
    }

    /** Runs the script and returns one masked line (status, headers, body) per request. */
    private static List<String> run(Client c) {
        Script s = new Script(c);
        s.send(Method.GET, "/", null);
        s.send(Method.GET, "/forms", null);
        s.form("/form", true, "name", "Zoë <b>", "comment", "one & two\r\nthree");
        s.send(Method.GET, "/result", null);                 // 4: with the flash
        s.send(Method.GET, "/result", null);                 // 5: without it
        s.upload();
        s.send(Method.GET, "/result", null);
        s.form("/form", false, "name", "mallory");           // 8: no token
        s.form("/login", true, "user", "ada", "password", "wrong");
        s.form("/login", true, "user", "ada", "password", ExampleApp.PASSWORD);
        s.send(Method.GET, "/me", null);
        s.form("/logout", true);
        s.send(Method.GET, "/", null);
        s.send(Method.GET, "/static/a.txt", Headers.of("Range", "bytes=3-5"));
        s.send(Method.GET, "/static", null);
        s.send(Method.GET, "/nowhere", null);
        s.send(Method.GET, "/logout", null);                 // 405
        s.send(Method.HEAD, "/forms", null);
        return s.lines;
    }

    /** The script's state for one client: the CSRF token last seen, and the masked replies. */
    private static final class Script {
        private final Client client;
        private final List<String> lines = new ArrayList<>();
        private String token;

        Script(Client client) {
            this.client = client;
        }

        void form(String path, boolean withToken, String... namesAndValues) {
            StringBuilder sb = new StringBuilder(withToken ? "_csrf=" + token : "");
            for (int i = 0; i < namesAndValues.length; i += 2) {
                sb.append(sb.length() > 0 ? "&" : "").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
            record(client.send(Method.POST, path, Headers.of("Content-Type", "application/x-www-form-urlencoded"),
                    sb.toString().getBytes(StandardCharsets.US_ASCII)));
        }

        void upload() {
            Multipart m = Multipart.form().boundary("parity-boundary").field("_csrf", token).field("title", "Grüße")
                    .file("files", "a.txt", "hi".getBytes(StandardCharsets.UTF_8), "text/plain")
                    .file("files", "b.bin", new byte[] {0, 1, 2}, "application/octet-stream")
                    .build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                m.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            record(client.send(Method.POST, "/upload", Headers.of("Content-Type", m.contentType()), out.toByteArray()));
        }

        void send(Method method, String path, Headers headers) {
            record(client.send(method, path, headers == null ? Headers.empty() : headers, new byte[0]));
        }

        private void record(Seen seen) {
            String body = seen.body();
            String marker = "name=\"_csrf\" value=\"";
            int at = body.indexOf(marker);
            if (at >= 0) {
                int from = at + marker.length();
                token = body.substring(from, body.indexOf('"', from));
            }
            StringBuilder line = new StringBuilder().append(seen.status()).append(' ');
            for (String name : COMPARED) {
                for (String v : seen.headers().all(name)) {
                    line.append(name).append(": ").append(name.equals("Set-Cookie") ? maskCookie(v) : v).append('\n');
                }
            }
            line.append('\n').append(token == null ? body : body.replace(token, "TOKEN"));
            lines.add(line.toString());
        }

        /** Returns {@code setCookie} with its value masked when it has one (a session ID). */
        private static String maskCookie(String setCookie) {
            int eq = setCookie.indexOf('=');
            int semi = setCookie.indexOf(';');
            int end = semi < 0 ? setCookie.length() : semi;
            return eq + 1 == end ? setCookie : setCookie.substring(0, eq + 1) + "ID" + setCookie.substring(end);
        }
    }

    /** What a client got back. */
    private record Seen(int status, Headers headers, String body) {
    }

    private interface Client {
        Seen send(Method method, String path, Headers headers, byte[] body);
    }

    private record InProcess(TestClient client) implements Client {
        @Override
        public Seen send(Method method, String path, Headers headers, byte[] body) {
            TestClient.Result r = client.request(method, path, headers, body);
            return new Seen(r.status(), r.headers(), r.text());
        }
    }

    private record OverSocket(Session session) implements Client {
        @Override
        public Seen send(Method method, String path, Headers headers, byte[] body) {
            // the body carries the Content-Type; sending it among the headers too would double it
            dev.courier.Request.Builder b = session.request(method, path)
                    .headers(headers.newBuilder().removeAll("Content-Type").build());
            if (body.length > 0) {
                b.body(Body.bytes(body, headers.get("Content-Type")));
            }
            try (Response r = b.send()) {
                return new Seen(r.statusCode(), r.headers(), r.text());
            }
        }
    }
}
