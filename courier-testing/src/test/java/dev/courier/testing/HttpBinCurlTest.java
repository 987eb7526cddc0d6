package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HttpBin's endpoints driven by curl, a client nobody here wrote. */
class HttpBinCurlTest {

    private static BinServer bin;

    @BeforeAll
    static void start() {
        String why = ExternalTool.unavailable("curl");
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        bin = BinServer.start();
    }

    @AfterAll
    static void stop() {
        if (bin != null) {
            bin.close();
        }
    }

    private static ExternalTool.Result curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
        cmd.addAll(Arrays.asList(args));
        ExternalTool.Result r = ExternalTool.run(cmd, null);
        assertEquals(0, r.exitCode(), "curl failed: " + r.stderr());
        return r;
    }

    private static Map<?, ?> json(String... args) throws Exception {
        return (Map<?, ?>) Json.parse(curl(args).stdout());
    }

    @Test
    void getShowsArgsAndCurlsHeaders() throws Exception {
        Map<?, ?> m = json(bin.url("/get?x=1&x=2"), "-H", "x-trace-id: t1");
        assertEquals(Map.of("x", List.of("1", "2")), m.get("args"));
        Map<?, ?> h = (Map<?, ?>) m.get("headers");
        assertEquals("t1", h.get("X-Trace-Id"));
        assertTrue(((String) h.get("User-Agent")).startsWith("curl/"));
    }

    @Test
    void postMultipartFromCurlFillsFormAndFiles(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "from a file");
        Path bin2 = Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0xff, (byte) 0xd8, 0});
        Map<?, ?> m = json("-F", "title=Trip", "-F", "notes=@" + text, "-F", "raw=@" + bin2 + ";type=image/jpeg",
                bin.url("/post"));
        assertEquals(Map.of("title", "Trip"), m.get("form"));
        assertEquals(Map.of("notes", "from a file", "raw", "data:image/jpeg;base64,/9gA"), m.get("files"));
    }

    @Test
    void putPatchAndDeleteEchoTheBody() throws Exception {
        assertEquals("raw body", json("-X", "PUT", "--data-binary", "raw body", "-H", "Content-Type: text/plain",
                bin.url("/put")).get("data"));
        assertEquals(Map.of("a", 1L), json("-X", "PATCH", "--json", "{\"a\": 1}", bin.url("/patch")).get("json"));
        assertEquals(Map.of("f", "v"), json("-X", "DELETE", "-d", "f=v", bin.url("/delete")).get("form"));
        assertEquals("TRACE", json("-X", "TRACE", bin.url("/anything/t")).get("method"));
    }

    @Test
    void headersIpAndUserAgent() throws Exception {
        assertEquals("127.0.0.1", json(bin.url("/ip")).get("origin"));
        assertEquals("agent/9", json("-A", "agent/9", bin.url("/user-agent")).get("user-agent"));
        assertTrue(((Map<?, ?>) json(bin.url("/headers")).get("headers")).containsKey("Accept"));
    }

    @Test
    void statusRedirectsAndCookiesWithCurlsOwnFollowingAndJar(@TempDir Path dir) throws Exception {
        assertEquals("418", curl("-o", "/dev/null", "-w", "%{http_code}", bin.url("/status/418")).text());
        assertEquals("3 " + bin.url("/get"), curl("-L", "-o", "/dev/null", "-w", "%{num_redirects} %{url_effective}",
                bin.url("/redirect/3")).text());
        Path jar = dir.resolve("jar.txt");
        Map<?, ?> m = json("-L", "-c", jar.toString(), "-b", jar.toString(), bin.url("/cookies/set?a=1&b=2"));
        assertEquals(Map.of("cookies", Map.of("a", "1", "b", "2")), m);
        assertTrue(Files.readString(jar).contains("\ta\t1"), "curl wrote the cookie to its jar");
    }

    @Test
    void basicAndBearerAuth() throws Exception {
        assertEquals(Boolean.TRUE, json("-u", "ada:pw", bin.url("/basic-auth/ada/pw")).get("authenticated"));
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "ada:no", bin.url("/basic-auth/ada/pw")).text());
        assertEquals("t0k", json("-H", "Authorization: Bearer t0k", bin.url("/bearer")).get("token"));
    }

    @Test
    void compressedBodiesDecodeInCurl() throws Exception {
        assertEquals(Boolean.TRUE, json("--compressed", bin.url("/gzip")).get("gzipped"));
        assertEquals(Boolean.TRUE, json("--compressed", bin.url("/deflate")).get("deflated"));
    }

    @Test
    void bytesRangeDripBase64AndLinks() throws Exception {
        assertEquals(10, curl(bin.url("/bytes/10?seed=1")).stdout().length);
        assertEquals("klmno", curl("-r", "10-14", bin.url("/range/26")).text());
        assertEquals("***", curl(bin.url("/drip?numbytes=3&duration=0.1")).text());
        assertEquals("HTTPBIN is awesome", curl(bin.url("/base64/SFRUUEJJTiBpcyBhd2Vzb21l")).text());
        assertTrue(curl(bin.url("/links/2/0")).text().contains("<a href='/links/2/1'>1</a>"));
    }

    @Test
    void documentsAndImages() throws Exception {
        byte[] png = curl(bin.url("/image/png")).stdout();
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(curl(bin.url("/xml")).text().contains("<slideshow"));
        assertTrue(curl(bin.url("/html")).text().contains("<html>"));
        assertTrue(curl(bin.url("/encoding/utf8")).text().contains("𝄞"));
    }

    @Test
    void etagAndResponseHeadersSeenInCurlsHeaderDump() throws Exception {
        String head = curl("-D", "-", "-o", "/dev/null", "-H", "If-None-Match: \"e1\"", bin.url("/etag/e1")).text();
        assertTrue(head.startsWith("HTTP/1.1 304"), head);
        String rh = curl("-i", bin.url("/response-headers?X-Mine=yes")).text();
        assertTrue(rh.toLowerCase(java.util.Locale.ROOT).contains("x-mine: yes"), rh);
    }
}
