package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.courier.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HttpBin driven by Python's requests, whose multipart encoder and cookie handling nobody here wrote. */
class HttpBinPythonRequestsTest {

    private static BinServer bin;

    @BeforeAll
    static void start() throws Exception {
        String why = ExternalTool.unavailable("python3");
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        ExternalTool.Result r = ExternalTool.run(List.of("python3", "-c", "import requests"), null);
        Assumptions.assumeTrue(r.exitCode() == 0, () -> "skipped: python3 has no requests module: " + r.stderr());
        bin = BinServer.start();
    }

    @AfterAll
    static void stop() {
        if (bin != null) {
            bin.close();
        }
    }

    @Test
    void requestsSessionDrivesMultipartCookiesAuthAndRedirects() throws Exception {
        String script = String.join("\n",
                "import json, sys, requests",
                "base = sys.argv[1]",
                "s = requests.Session()",
                "out = {}",
                "r = s.post(base + '/post', data={'x': ['1', '2']}, files={'f': ('a.bin', b'\\xff\\x00', 'application/x-b'), 't': ('t.txt', b'text')})",
                "out['post'] = r.json()",
                "out['cookies'] = s.get(base + '/cookies/set?c=3').json()",
                "out['auth'] = s.get(base + '/basic-auth/u/p', auth=('u', 'p')).json()",
                "r = s.get(base + '/redirect/2')",
                "out['redirect'] = [len(r.history), r.url]",
                "out['gzip'] = s.get(base + '/gzip').json()['gzipped']",
                "out['stream'] = len(list(s.get(base + '/stream/4', stream=True).iter_lines()))",
                "json.dump(out, sys.stdout)");
        ExternalTool.Result r = ExternalTool.run(List.of("python3", "-c", script, bin.server.url()), null);
        assertEquals(0, r.exitCode(), r.stderr());
        Map<?, ?> out = (Map<?, ?>) Json.parse(r.text());
        Map<?, ?> post = (Map<?, ?>) out.get("post");
        assertEquals(Map.of("x", List.of("1", "2")), post.get("form"));
        assertEquals(Map.of("f", "data:application/x-b;base64,/wA=", "t", "text"), post.get("files"));
        assertEquals(Map.of("cookies", Map.of("c", "3")), out.get("cookies"));
        assertEquals(Map.of("authenticated", true, "user", "u"), out.get("auth"));
        assertEquals(List.of(2L, bin.url("/get")), out.get("redirect"));
        assertEquals(Boolean.TRUE, out.get("gzip"));
        assertEquals(4L, out.get("stream"));
        assertEquals(0, new String(r.stdout(), StandardCharsets.UTF_8).indexOf('{'));
    }
}
