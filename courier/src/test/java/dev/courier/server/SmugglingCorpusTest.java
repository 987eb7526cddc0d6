package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling and framing ambiguity, as raw bytes: each case carries a second request to
 * {@code /smuggled} that a lenient reader could take from the same stream. Every case must be
 * answered with one error response (400; 501 for unknown transfer codings, RFC 9112 §6.1) and
 * the connection closed, the handler run at most once, and {@code /smuggled} never reached.
 * Each case is sent whole and one byte per write.
 */
class SmugglingCorpusTest {

    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final AtomicInteger smuggled = new AtomicInteger();
    private static final TestServers.Echo echo = new TestServers.Echo();
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.start(new Router()
                .post("/echo", echo)
                .get("/echo", echo)
                .get("/smuggled", req -> {
                    smuggled.incrementAndGet();
                    return Reply.text("smuggled");
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Arguments> corpus() {
        String post = "POST /echo HTTP/1.1\r\nHost: x\r\n";
        List<Arguments> cases = new ArrayList<>();
        add(cases, "Content-Length with Transfer-Encoding", post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "Transfer-Encoding before Content-Length", post + "Transfer-Encoding: chunked\r\nContent-Length: 40\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "duplicate differing Content-Length", post + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nabcd" + SMUGGLED);
        add(cases, "differing Content-Length list", post + "Content-Length: 4, 40\r\n\r\nabcd" + SMUGGLED);
        add(cases, "signed Content-Length", post + "Content-Length: +4\r\n\r\nabcd" + SMUGGLED);
        add(cases, "hex Content-Length", post + "Content-Length: 0x4\r\n\r\nabcd" + SMUGGLED);
        add(cases, "Content-Length with inner space", post + "Content-Length: 4 4\r\n\r\nabcd" + SMUGGLED);
        add(cases, "non-hex chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabcd\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "0x chunk size", post + "Transfer-Encoding: chunked\r\n\r\n0x4\r\nabcd\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "negative chunk size", post + "Transfer-Encoding: chunked\r\n\r\n-4\r\nabcd\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "overflowing chunk size", post + "Transfer-Encoding: chunked\r\n\r\n10000000000000004\r\nabcd\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "chunk data longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n4\r\nabcdef\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "chunk size line ended by LF alone", post + "Transfer-Encoding: chunked\r\n\r\n4\nabcd\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "obs-fold", post + "X-A: a\r\n b\r\nContent-Length: 0\r\n\r\n" + SMUGGLED);
        add(cases, "obs-fold hiding Transfer-Encoding", post + "Content-Length: 0\r\nX-A: a\r\n Transfer-Encoding: chunked\r\n\r\n" + SMUGGLED);
        add(cases, "bare CR in a header value", post + "X-A: a\rContent-Length: 40\r\n\r\n" + SMUGGLED);
        add(cases, "bare LF line ends", "POST /echo HTTP/1.1\nHost: x\nContent-Length: 0\n\n" + SMUGGLED);
        add(cases, "Transfer-Encoding in HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "chunked not last", post + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "unknown transfer coding", post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "chunked twice", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
        add(cases, "space before colon", post + "Transfer-Encoding : chunked\r\nContent-Length: 0\r\n\r\n" + SMUGGLED);
        add(cases, "missing Host", "POST /echo HTTP/1.1\r\nContent-Length: 0\r\n\r\n" + SMUGGLED);
        add(cases, "duplicate Host", post + "Host: y\r\nContent-Length: 0\r\n\r\n" + SMUGGLED);
        add(cases, "NUL in a header value", post + "X-A: a\0b\r\nContent-Length: 0\r\n\r\n" + SMUGGLED);
        add(cases, "space inside the target", "GET /echo x HTTP/1.1\r\nHost: x\r\n\r\n" + SMUGGLED);
        add(cases, "truncated chunked body then close", post + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + SMUGGLED);
        return cases;
    }

    private static void add(List<Arguments> cases, String name, String bytes) {
        cases.add(Arguments.of(name, bytes, true));
        cases.add(Arguments.of(name, bytes, false));
    }

    @ParameterizedTest(name = "{0} (whole={2})")
    @MethodSource("corpus")
    void answersOneErrorAndClosesNeverReadingTheSmuggledRequest(String name, String bytes, boolean whole) throws Exception {
        int before = echo.calls.get();
        int smuggledBefore = smuggled.get();
        String response;
        try (RawClient c = new RawClient(server.port())) {
            byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
            try {
                if (whole) {
                    c.send(b);
                } else {
                    for (byte x : b) {
                        c.send(new byte[] {x});
                    }
                }
                if (name.startsWith("truncated")) {
                    c.socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // The server may answer and close before the last byte; what it sent is still read.
            }
            response = c.readToClose();
        }
        Set<String> allowed = name.contains("transfer coding") || name.contains("twice")
                ? Set.of("400", "501") : Set.of("400");
        assertTrue(response.startsWith("HTTP/1.1 ") && allowed.contains(response.substring(9, 12)),
                name + ": " + response);
        assertEquals(1, RawClient.occurrences(response, "\r\nDate: "), name + ": exactly one response: " + response);
        assertTrue(response.contains("Connection: close\r\n"), response);
        assertEquals(smuggledBefore, smuggled.get(), name + ": the smuggled request was served");
        assertTrue(echo.calls.get() - before <= 1, name + ": handler ran " + (echo.calls.get() - before) + " times");
    }
}
