package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection loop with raw sockets: keep-alive, pipelining, HEAD, HTTP/1.0, framing of replies. */
class ConnectionLoopTest {

    private final TestServers.Echo echo = new TestServers.Echo();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        Router router = new Router()
                .get("/hello", req -> Reply.text("hello"))
                .get("/stream", req -> Reply.stream(new ByteArrayInputStream("streamed!".getBytes(StandardCharsets.UTF_8)), -1, "text/plain"))
                .get("/boom", req -> {
                    throw new IllegalStateException("secret detail");
                })
                .post("/ignore", req -> Reply.text("ignored"))
                .route(dev.courier.http.Method.of("BREW"), "/pot", req -> Reply.text("brewed " + req.bodyText()))
                .post("/echo", echo)
                .get("/echo", echo);
        server = TestServers.start(router);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersTwoRequestsOnOneKeptAliveConnection() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String first = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            String second = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
            assertTrue(first.contains("Content-Length: 5\r\n") && first.endsWith("hello"), first);
            assertTrue(first.contains("Date: "), first);
            assertTrue(second.endsWith("hello"), second);
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "GET /echo?x HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nthree\r\n0\r\n\r\n");
            String all = c.readUntil("]", 3);
            int a = all.indexOf("POST /echo [one]");
            int b = all.indexOf("GET /echo []");
            int d = all.indexOf("POST /echo [three]");
            assertTrue(a >= 0 && a < b && b < d, all);
            assertEquals(3, echo.calls.get());
        }
    }

    @Test
    void answersHeadWithGetHeadersAndNoBody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String head = c.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n").readUntil("\r\n\r\n", 1);
            assertTrue(head.contains("Content-Length: 5\r\n"), head);
            assertTrue(head.endsWith("\r\n\r\n"), "no body after a HEAD response: " + head);
            String next = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(next.startsWith("HTTP/1.1 200") && next.endsWith("hello"), "the connection is still in step: " + next);
        }
    }

    @Test
    void closesAfterHttp10RequestWithoutKeepAlive() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("GET /hello HTTP/1.0\r\n\r\n").readToClose();
            assertTrue(all.startsWith("HTTP/1.1 200 OK"), all);
            assertTrue(all.contains("Connection: close\r\n"), all);
            assertTrue(all.endsWith("hello"), all);
        }
    }

    @Test
    void keepsHttp10ConnectionWhenAsked() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String first = c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
            assertTrue(first.contains("Connection: keep-alive\r\n"), first);
            String second = c.send("GET /hello HTTP/1.0\r\n\r\n").readToClose();
            assertTrue(second.endsWith("hello") && second.contains("Connection: close"), second);
        }
    }

    @Test
    void honoursConnectionCloseFromTheClient() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readToClose();
            assertTrue(all.contains("Connection: close\r\n") && all.endsWith("hello"), all);
        }
    }

    @Test
    void chunksAStreamOfUnknownLengthOnHttp11() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n").readUntil("0\r\n\r\n", 1);
            assertTrue(all.contains("Transfer-Encoding: chunked\r\n"), all);
            assertTrue(all.endsWith("\r\n\r\n9\r\nstreamed!\r\n0\r\n\r\n"), all);
        }
    }

    @Test
    void closeDelimitsAStreamOfUnknownLengthOnHttp10() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readToClose();
            assertFalse(all.contains("Transfer-Encoding"), all);
            assertFalse(all.contains("Content-Length"), all);
            assertTrue(all.contains("Connection: close\r\n") && all.endsWith("\r\n\r\nstreamed!"), all);
        }
    }

    @Test
    void answersHandlerExceptionWith500WithoutDetails() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(r.startsWith("HTTP/1.1 500 Internal Server Error"), r);
            assertFalse(r.contains("secret") || r.contains("IllegalState") || r.contains("at dev."), r);
            String next = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(next.endsWith("hello"), "the connection survives a 500: " + next);
        }
    }

    @Test
    void drainsAnUnreadBodyBeforeTheNextRequest() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readUntil("hello", 1);
            assertTrue(r.contains("ignored") && r.endsWith("hello"), r);
        }
    }

    @Test
    void closesInsteadOfDrainingABodyBeyondTheDrainLimit() throws Exception {
        try (HttpServer small = TestServers.start(new Router().post("/ignore", req -> Reply.text("ignored")),
                ServerLimits.builder().maxDrainBytes(4).build());
                RawClient c = new RawClient(small.port())) {
            String all = c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readToClose();
            assertTrue(all.contains("Connection: close") && all.endsWith("ignored"), all);
        }
    }

    @Test
    void handlesAnUnknownMethodWithABody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("BREW /pot HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntea").readResponse();
            assertTrue(r.endsWith("brewed tea"), r);
            String other = c.send("FROB /pot HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nxx").readResponse();
            assertTrue(other.startsWith("HTTP/1.1 405"), other);
            String next = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(next.endsWith("hello"), next);
        }
    }

    @Test
    void acceptsAnAbsoluteFormTarget() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET http://x/hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(r.endsWith("hello"), r);
        }
    }

    @Test
    void sendsContinueOnlyWhenTheHandlerReadsTheBody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String interim = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                    .readUntil("\r\n\r\n", 1);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim);
            String r = c.send("body").readResponse();
            assertTrue(r.endsWith("POST /echo [body]"), r);
        }
    }

    @Test
    void answersFinalStatusAndClosesWhenTheHandlerIgnoresAnExpectedBody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                    .readToClose();
            assertFalse(all.contains("100 Continue"), all);
            assertTrue(all.startsWith("HTTP/1.1 200") && all.contains("Connection: close") && all.endsWith("ignored"), all);
        }
    }

    @Test
    void refusesAnUnknownExpectationWith417() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String all = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: tea\r\n\r\nbody").readToClose();
            assertTrue(all.startsWith("HTTP/1.1 417"), all);
            assertEquals(0, echo.calls.get());
        }
    }
}
