package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.multipart.FormFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl, a client nobody here wrote, against the server: versions, 100-continue, ranges, uploads, reuse. */
class CurlInteropTest {

    @TempDir
    static Path dir;
    private static HttpServer server;
    private static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("curl", "--version"), "curl is not installed; skipping curl interop");
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("digits.txt"), "0123456789abcdefghij");
        big = new byte[1024 * 1024 + 7];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >> 9));
        }
        Files.write(root.resolve("big.bin"), big);
        server = TestServers.start(new Router()
                .get("/hello", req -> Reply.text("hello " + req.method()))
                .post("/echo", req -> Reply.text("echo:" + req.bodyText()))
                .post("/refuse", req -> Reply.status(403))
                .post("/upload", req -> {
                    Form f = req.form();
                    FormFile file = f.file("doc");
                    return Reply.text(f.field("title") + "|" + file.filename() + "|" + file.size() + "|"
                            + new String(file.bytes(), StandardCharsets.UTF_8));
                })
                .get("/port", req -> Reply.text(Integer.toString(req.remoteAddress().getPort())))
                .staticFiles("/static", StaticFiles.of(root)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalTool.Result curl(String... args) throws Exception {
        String[] full = new String[args.length + 4];
        full[0] = "curl";
        full[1] = "-sS";
        full[2] = "--max-time";
        full[3] = "10";
        System.arraycopy(args, 0, full, 4, args.length);
        ExternalTool.Result r = ExternalTool.run(full);
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    @Test
    void servesAPlainGet() throws Exception {
        assertEquals("hello GET", curl(server.url() + "/hello").stdout());
    }

    @Test
    void servesAnHttp10Client() throws Exception {
        ExternalTool.Result r = curl("--http1.0", "-i", server.url() + "/hello");
        assertTrue(r.stdout().startsWith("HTTP/1.1 200 OK"), r.stdout());
        assertTrue(r.stdout().contains("Connection: close"), r.stdout());
        assertTrue(r.stdout().endsWith("hello GET"), r.stdout());
    }

    @Test
    void sendsContinueBeforeCurlSendsTheBody() throws Exception {
        ExternalTool.Result r = curl("-v", "-H", "Expect: 100-continue", "--data-binary", "payload", server.url() + "/echo");
        assertEquals("echo:payload", r.stdout());
        assertTrue(r.stderr().contains("HTTP/1.1 100 Continue"), r.stderr());
    }

    @Test
    void answersCurlsExpectWithAFinalStatusWhenTheHandlerRefusesTheBody() throws Exception {
        ExternalTool.Result r = ExternalTool.run("curl", "-sS", "--max-time", "10", "-v", "-o", "/dev/null",
                "-w", "%{http_code}", "-H", "Expect: 100-continue", "--data-binary", "never read", server.url() + "/refuse");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("403", r.stdout());
        assertTrue(!r.stderr().contains("100 Continue"), r.stderr());
    }

    @Test
    void servesAByteRangeOfAStaticFile() throws Exception {
        ExternalTool.Result r = curl("-i", "-r", "5-9", server.url() + "/static/digits.txt");
        assertTrue(r.stdout().startsWith("HTTP/1.1 206"), r.stdout());
        assertTrue(r.stdout().contains("Content-Range: bytes 5-9/20"), r.stdout());
        assertTrue(r.stdout().endsWith("\r\n\r\n56789"), r.stdout());
    }

    @Test
    void servesSeveralRangesThatPythonsMimeParserReadsBack() throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("python3", "--version"), "python3 is not installed; skipping");
        Path headers = dir.resolve("ranges.head");
        Path body = dir.resolve("ranges.body");
        curl("-D", headers.toString(), "-o", body.toString(), "-r", "500000-500099,10-19,1048570-",
                server.url() + "/static/big.bin");
        String head = Files.readString(headers, StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("HTTP/1.1 206"), head);
        String type = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                .findFirst().orElseThrow().substring(13).trim();
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        // Python's email package parses the multipart body; it writes each part's bytes to a file
        // and prints each part's Content-Range, in order.
        String script = String.join("\n",
                "import email, email.policy, sys",
                "raw = open(sys.argv[1], 'rb').read()",
                "msg = email.message_from_bytes(b'Content-Type: ' + sys.argv[2].encode() + b'\\r\\n\\r\\n' + raw,",
                "                               policy=email.policy.HTTP)",
                "for i, part in enumerate(msg.iter_parts()):",
                "    open(sys.argv[3] + str(i), 'wb').write(part.get_payload(decode=True))",
                "    print(part['Content-Range'])");
        ExternalTool.Result py = ExternalTool.run("python3", "-c", script, body.toString(), type,
                dir.resolve("part").toString());
        assertEquals(0, py.exitCode(), py.toString());
        assertEquals(List.of("bytes 10-19/1048583", "bytes 500000-500099/1048583", "bytes 1048570-1048582/1048583"),
                py.stdout().lines().collect(java.util.stream.Collectors.toList()));
        assertArrayEquals(Arrays.copyOfRange(big, 10, 20), Files.readAllBytes(dir.resolve("part0")));
        assertArrayEquals(Arrays.copyOfRange(big, 500000, 500100), Files.readAllBytes(dir.resolve("part1")));
        assertArrayEquals(Arrays.copyOfRange(big, 1048570, big.length), Files.readAllBytes(dir.resolve("part2")));
    }

    @Test
    void sendsALargeStaticFileIntact() throws Exception {
        Path out = dir.resolve("download.bin");
        curl("-o", out.toString(), server.url() + "/static/big.bin");
        assertArrayEquals(big, Files.readAllBytes(out));
        Path part = dir.resolve("part.bin");
        curl("-r", "1000-600000", "-o", part.toString(), server.url() + "/static/big.bin");
        assertArrayEquals(Arrays.copyOfRange(big, 1000, 600001), Files.readAllBytes(part));
    }

    @Test
    void decodesACurlMultipartUpload() throws Exception {
        Path doc = dir.resolve("notes.txt");
        Files.writeString(doc, "line one\nline two\n");
        ExternalTool.Result r = curl("-F", "title=Holiday", "-F", "doc=@" + doc, server.url() + "/upload");
        assertEquals("Holiday|notes.txt|18|line one\nline two\n", r.stdout());
    }

    @Test
    void letsCurlReuseTheConnection() throws Exception {
        ExternalTool.Result r = curl("-v", server.url() + "/port", server.url() + "/port");
        assertTrue(r.stderr().contains("Re-using existing connection") || r.stderr().contains("Reusing existing connection")
                || r.stderr().contains("Re-using existing"), r.stderr());
        String ports = r.stdout();
        assertEquals(ports.substring(0, ports.length() / 2), ports.substring(ports.length() / 2), "one client port: " + ports);
    }

    @Test
    void answersHeadLikeGetWithoutTheBody() throws Exception {
        ExternalTool.Result r = curl("-I", server.url() + "/static/digits.txt");
        assertTrue(r.stdout().contains("Content-Length: 20"), r.stdout());
        assertTrue(r.stdout().endsWith("\r\n\r\n"), r.stdout());
    }
}
