package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.cookie.CookieJar;
import dev.courier.http.Method;
import dev.courier.wire.RequestHead;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session features against scripted loopback servers. */
class SessionFeaturesTest {

    @Test
    void expectContinueSendsNoBodyWhenTheServerRefusesEarly() throws Exception {
        AtomicReference<String> expect = new AtomicReference<>();
        try (FakeServer server = new FakeServer(c -> {
            RequestHead h = c.readHead();
            expect.set(h.headers().get("Expect"));
            c.send("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        })) {
            // What the client wrote, as the wire log saw it: the head alone, none of the body.
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            try (Session s = Session.builder().wireLog((dir, data) -> {
                if (dir == WireLog.Direction.SENT) {
                    sent.writeBytes(data);
                }
            }).build()) {
                Response r = s.request(Method.PUT, server.url("/big")).expectContinue(true)
                        .body(Body.bytes(new byte[1 << 20])).send();
                assertEquals(413, r.statusCode());
                assertEquals("100-continue", expect.get());
            }
            String out = sent.toString(StandardCharsets.ISO_8859_1);
            assertTrue(out.startsWith("PUT /big HTTP/1.1\r\n") && out.endsWith("\r\n\r\n"),
                    "sent " + out.length() + " bytes: " + out.substring(0, Math.min(out.length(), 300)));
        }
    }

    @Test
    void expectContinueSendsTheBodyAfter100Continue() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            RequestHead h = c.readHead();
            c.send("HTTP/1.1 100 Continue\r\n\r\n");
            int n = Integer.parseInt(h.headers().get("Content-Length"));
            byte[] body = c.in.readNBytes(n);
            c.ok("got " + body.length);
        }); Session s = Session.create()) {
            Response r = s.request(Method.PUT, server.url("/big")).expectContinue(true)
                    .body(Body.bytes(new byte[5000])).send();
            assertEquals("got 5000", r.text());
        }
    }

    @Test
    void wireLogShowsTheExactBytesSentAndReceived() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Odd:  spaced \r\n\r\nhi";
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.send(answer);
        })) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (Session s = Session.builder().wireLog((dir, data) -> {
                (dir == WireLog.Direction.SENT ? sent : received).writeBytes(data);
            }).build()) {
                s.post(server.url("/p?q=1"), Body.text("body"));
            }
            String out = sent.toString(StandardCharsets.ISO_8859_1);
            assertTrue(out.startsWith("POST /p?q=1 HTTP/1.1\r\n"), out);
            assertTrue(out.contains("\r\nContent-Length: 4\r\n"), out);
            assertTrue(out.endsWith("\r\n\r\nbody"), out);
            assertEquals(answer, received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aRepeatedRequestSendsTheSameHeadAndAChangedOneItsOwn() throws Exception {
        List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeServer server = new FakeServer(c -> {
            for (RequestHead h; (h = c.readRequest(null)) != null; ) {
                heads.add(h.method() + " " + h.target() + " x=" + h.headers().get("X-Step"));
                c.ok("ok");
            }
        })) {
            List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Session s = Session.builder().wireLog((dir, data) -> {
                if (dir == WireLog.Direction.SENT) {
                    sent.add(new String(data, StandardCharsets.ISO_8859_1));
                }
            }).build()) {
                Request again = Request.builder(Method.GET, server.url("/same")).build();
                for (int i = 0; i < 3; i++) {
                    assertEquals("ok", s.send(again).text());
                }
                assertEquals("ok", s.send(Request.builder(Method.GET, server.url("/same")).header("X-Step", "4").build()).text());
                assertEquals("ok", s.send(again).text());
                assertEquals("ok", s.send(Request.builder(Method.DELETE, server.url("/same")).build()).text());
            }
            assertEquals(1, server.connections.get(), "all on one kept-alive connection");
            assertEquals(List.of("GET /same x=null", "GET /same x=null", "GET /same x=null", "GET /same x=4",
                    "GET /same x=null", "DELETE /same x=null"), heads);
            assertEquals(6, sent.size(), String.valueOf(sent));
            assertEquals(sent.get(0), sent.get(1));
            assertEquals(sent.get(0), sent.get(2));
            assertEquals(sent.get(0), sent.get(4));
            assertTrue(sent.get(3).contains("\r\nX-Step: 4\r\n"), sent.get(3));
        }
    }

    @Test
    void connectTimeoutWhenTheServerBacklogIsFull() throws Exception {
        // A listener that never accepts: once its backlog is full, Linux drops further SYNs.
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket f = new Socket();
                    try {
                        f.connect(ss.getLocalSocketAddress(), 200);
                    } catch (java.io.IOException full) {
                        // the backlog is full: what we wanted
                    }
                    fillers.add(f);
                }
                try (Session s = Session.builder().connectTimeout(Duration.ofMillis(300)).build()) {
                    CourierException e = assertThrows(CourierException.class,
                            () -> s.get("http://127.0.0.1:" + ss.getLocalPort() + "/"));
                    org.junit.jupiter.api.Assumptions.assumeTrue(e instanceof ConnectTimeoutException,
                            "this kernel answered a full backlog without dropping SYNs: " + e);
                    assertTrue(e.getMessage().contains("connect timeout of 300 ms"), e.getMessage());
                }
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void deadlineCoversTheWholeRedirectChain() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            while (c.readRequest(null) != null) {
                Thread.sleep(150);
                c.send("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n");
            }
        }); Session s = Session.builder().deadline(Duration.ofMillis(400)).build()) {
            long t0 = System.nanoTime();
            assertThrows(DeadlineExceededException.class, () -> s.get(server.url("/start")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // 5x the 400 ms deadline: "promptly" with room for a loaded machine.
            assertTrue(ms < 2000, "gave up after " + ms + " ms");
        }
    }

    @Test
    void sendAsyncFailsWithTheSameExceptionAsSend() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        try (Session s = Session.create()) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> s.sendAsync(Request.builder(Method.GET, "http://127.0.0.1:" + port + "/").build()).get());
            assertInstanceOf(ConnectionFailedException.class, e.getCause());
        }
    }

    @Test
    void persistentCookieJarIsSavedWhenTheSessionCloses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cookies.txt");
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.send("HTTP/1.1 200 OK\r\nSet-Cookie: id=42; Max-Age=3600; Path=/\r\nContent-Length: 0\r\n\r\n");
        })) {
            try (Session s = Session.builder().cookies(CookieJar.persistent(file)).build()) {
                s.get(server.url("/"));
            }
            assertTrue(Files.readString(file).contains("\tid\t42"), Files.readString(file));
        }
    }

    @Test
    void aRequestCanLeaveOutTheSessionsAndTheDefaultHeaders() throws Exception {
        AtomicReference<RequestHead> seen = new AtomicReference<>();
        try (FakeServer server = recordingLastRequest(seen); Session s = Session.builder().header("X-App", "inventory").build()) {
            s.get(server.url("/plain"));
            assertEquals("inventory", seen.get().headers().get("X-App"));
            assertTrue(seen.get().headers().get("User-Agent").startsWith("courier/"));

            Request r = Request.builder(Method.GET, server.url("/bare")).header("x-app", "dropped")
                    .removeHeader("user-agent").removeHeader("X-APP").removeHeader("Accept")
                    .header("Accept", "text/plain").build();
            s.send(r);
            dev.courier.http.Headers h = seen.get().headers();
            assertEquals(null, h.get("User-Agent"));
            assertEquals(List.of(), h.all("X-App"), "the session's and the builder's earlier X-App are both left out");
            assertEquals(List.of("text/plain"), h.all("Accept"), "a field added after the removal is sent");
            assertEquals("gzip, deflate", h.get("Accept-Encoding"), "fields not named stay");
            assertTrue(h.get("Host").startsWith("127.0.0.1:"), "Host is decided per hop and always sent");
            assertEquals(List.of("user-agent", "X-APP", "Accept"), r.removedHeaders());

            // A copy keeps the removals; the session's next call sends its defaults again.
            s.send(r.newBuilder().build());
            assertEquals(null, seen.get().headers().get("User-Agent"));
            s.get(server.url("/plain"));
            assertEquals("inventory", seen.get().headers().get("X-App"));
            assertTrue(seen.get().headers().get("User-Agent").startsWith("courier/"));

            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> Request.builder(Method.GET, server.url("/")).removeHeader("Bad Name"));
            assertTrue(bad.getMessage().contains("Bad Name"), bad.getMessage());
        }
    }

    @Test
    void sessionHeadersParamsAndAuthApplyAndTheRequestWins() throws Exception {
        AtomicReference<RequestHead> seen = new AtomicReference<>();
        try (FakeServer server = recordingLastRequest(seen); Session s = Session.builder().baseUrl(server.url("/api/")).header("X-App", "inventory")
                .header("User-Agent", "inventory/1.4").param("key", "k1").auth(Auth.basic("ada", "pw")).build()) {
            s.get("items?page=2");
            assertEquals("/api/items?page=2&key=k1", seen.get().target());
            assertEquals("inventory/1.4", seen.get().headers().get("User-Agent"));
            assertEquals("inventory", seen.get().headers().get("X-App"));
            assertEquals(Auth.basic("ada", "pw").headerValue(), seen.get().headers().get("Authorization"));
            s.request(Method.GET, "/other").header("X-App", "override").auth(Auth.bearer("t0k")).send();
            assertEquals("/other?key=k1", seen.get().target());
            assertEquals(List.of("override"), seen.get().headers().all("X-App"));
            assertEquals("Bearer t0k", seen.get().headers().get("Authorization"));
        }
    }

    @Test
    void textUsesTheDeclaredCharsetElseUtf8() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Length: 1\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.out.write(0xE9);
            c.readRequest(null);
            byte[] utf8 = "é".getBytes(StandardCharsets.UTF_8);
            c.out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + utf8.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.out.write(utf8);
        }); Session s = Session.create()) {
            assertEquals("é", s.get(server.url("/latin1")).text());
            Response r = s.get(server.url("/nocharset"));
            assertEquals(StandardCharsets.UTF_8, r.encoding());
            assertEquals("é", r.text());
        }
    }

    @Test
    void saveToStreamsTheBodyIntoAFile(@TempDir Path dir) throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        }); Session s = Session.create()) {
            Path f = dir.resolve("out.bin");
            try (Response r = s.request(Method.GET, server.url("/f")).stream(true).send()) {
                r.saveTo(f);
            }
            assertEquals("abcde", Files.readString(f));
        }
    }

    @Test
    void redirectsCanBeTurnedOffPerRequest() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.send("HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n");
        }); Session s = Session.create()) {
            Response r = s.request(Method.GET, server.url("/old")).followRedirects(false).send();
            assertEquals(301, r.statusCode());
            assertEquals("/new", r.header("Location"));
            assertFalse(r.history().size() > 0);
        }
    }

    @Test
    void builderWithoutSessionCannotSend() {
        assertThrows(IllegalStateException.class, () -> Request.builder(Method.GET, "http://127.0.0.1/").send());
    }

    @Test
    void http10BodyUntilCloseIsReadAndTheConnectionIsNotReused() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(null);
            c.send("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it until close");
        }); Session s = Session.create()) {
            Response first = s.get(server.url("/old"));
            assertEquals("HTTP/1.0", first.version());
            assertEquals("all of it until close", first.text());
            assertEquals(0, s.idleConnections());
            Response second = s.get(server.url("/old"));
            assertEquals("all of it until close", second.text());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void corruptGzipBodyIsAProtocolError() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            while (c.readRequest(null) != null) {
                c.send("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 12\r\n\r\nnot gzip at!");
            }
        }); Session s = Session.create()) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> s.get(server.url("/z")));
            assertTrue(e.response().isPresent());
            Response raw = s.request(Method.GET, server.url("/z")).decompress(false).send();
            assertEquals("not gzip at!", raw.text());
        }
    }

    @Test
    void uploadProgressReportsEveryByteOfAFileBody(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("up.bin");
        Files.write(f, new byte[100_000]);
        List<long[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeServer server = new FakeServer(c -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            c.readRequest(body);
            c.ok(Integer.toString(body.size()));
        }); Session s = Session.create()) {
            Response r = s.request(Method.PUT, server.url("/up")).body(Body.file(f))
                    .onUploadProgress((sent, total) -> seen.add(new long[] {sent, total})).send();
            assertEquals("100000", r.text());
        }
        assertTrue(seen.size() > 1);
        assertEquals(100_000, seen.get(seen.size() - 1)[0]);
        assertEquals(100_000, seen.get(0)[1]);
    }

    @Test
    void relativeUrlWithoutBaseUrlIsAnInvalidUrlThatSuggestsAFix() {
        try (Session s = Session.create()) {
            InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> s.get("example.com/x"));
            assertTrue(e.getMessage().contains("No scheme supplied"), e.getMessage());
            assertEquals("example.com/x", e.request().url());
        }
    }

    /** A server that answers "ok" to every request and keeps the head of the last one in {@code seen}. */
    private static FakeServer recordingLastRequest(AtomicReference<RequestHead> seen) throws java.io.IOException {
        return new FakeServer(c -> {
            RequestHead h;
            while ((h = c.readRequest(null)) != null) {
                seen.set(h);
                c.ok("ok");
            }
        });
    }
}
