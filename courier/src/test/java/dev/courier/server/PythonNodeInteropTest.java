package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.multipart.FormFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Python's requests and urllib and Node's fetch against the server. */
class PythonNodeInteropTest {

    private static HttpServer server;
    private static Boolean hasRequests;

    private static void assumeRequests() {
        if (hasRequests == null) {
            hasRequests = ExternalTool.works("python3", "-c", "import requests");
        }
        Assumptions.assumeTrue(hasRequests, "python3 requests is not installed");
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(new Router()
                .post("/form", req -> {
                    Form f = req.form();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("fields", f.fields());
                    for (Map.Entry<String, java.util.List<FormFile>> e : f.files().entrySet()) {
                        FormFile file = e.getValue().get(0);
                        out.put(e.getKey(), file.filename() + ":" + file.contentType() + ":"
                                + new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return Reply.json(out);
                })
                .post("/json", req -> {
                    Map<?, ?> in = req.json(Map.class);
                    return Reply.json(Map.of("name", in.get("name"), "n", in.get("n"), "type", req.header("Content-Type")));
                })
                .get("/port", req -> Reply.text(Integer.toString(req.remoteAddress().getPort())))
                .get("/query", req -> Reply.json(req.queryParams().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue()))))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String python(String script) throws Exception {
        ExternalTool.Result r = ExternalTool.run("python3", "-c", script, server.url());
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdout().trim();
    }

    @Test
    void servesPythonRequestsFormWithFiles() throws Exception {
        assumeRequests();
        String out = python("import sys, requests\n"
                + "r = requests.post(sys.argv[1] + '/form', data={'a': ['1', '2'], 'b': 'x y'},"
                + " files={'f': ('note.txt', b'hello file', 'text/plain')}, timeout=10)\n"
                + "r.raise_for_status(); j = r.json()\n"
                + "print(j['fields']['a'], j['fields']['b'], j['f'])");
        assertEquals("['1', '2'] ['x y'] note.txt:text/plain:hello file", out);
    }

    @Test
    void servesPythonRequestsJson() throws Exception {
        assumeRequests();
        String out = python("import sys, requests\n"
                + "r = requests.post(sys.argv[1] + '/json', json={'name': 'Ada', 'n': 3}, timeout=10)\n"
                + "print(r.status_code, r.headers['Content-Type'], r.json()['name'], r.json()['n'], r.json()['type'])");
        assertEquals("200 application/json Ada 3 application/json", out);
    }

    @Test
    void keepsAPythonRequestsSessionOnOneConnection() throws Exception {
        assumeRequests();
        String out = python("import sys, requests\n"
                + "s = requests.Session()\n"
                + "ports = {s.get(sys.argv[1] + '/port', timeout=10).text for _ in range(5)}\n"
                + "print(len(ports))");
        assertEquals("1", out, "five requests, one client port");
    }

    @Test
    void servesPythonUrllib() throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("python3", "--version"), "python3 is not installed");
        String out = python("import sys, urllib.request\n"
                + "print(urllib.request.urlopen(sys.argv[1] + '/query?a=1&a=2&b=%C3%A9', timeout=10).read().decode())");
        assertTrue(out.contains("\"a\":\"1,2\"") && out.contains("\"b\":\"\u00e9\""), out);
    }

    @Test
    void servesNodeFetch() throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("node", "--version"), "node is not installed");
        Assumptions.assumeTrue(ExternalTool.works("node", "-e", "if (typeof fetch !== 'function') process.exit(1)"),
                "this node has no global fetch (needs Node 18+)");
        ExternalTool.Result r = ExternalTool.run("node", "-e",
                "const base = process.argv[1];\n"
                        + "(async () => {\n"
                        + "  const j = await (await fetch(base + '/json', {method: 'POST', headers: {'content-type': 'application/json'},"
                        + " body: JSON.stringify({name: 'Grace', n: 7})})).json();\n"
                        + "  const ports = new Set();\n"
                        + "  for (let i = 0; i < 6; i++) ports.add(await (await fetch(base + '/port')).text());\n"
                        + "  console.log(j.name, j.n, ports.size);\n"
                        + "})().catch(e => { console.error(e); process.exit(1); });",
                server.url());
        assertEquals(0, r.exitCode(), r.toString());
        // undici may open a second connection while the first is being returned to its pool, then
        // alternates between the two; six requests on at most two connections shows reuse.
        String[] out = r.stdout().trim().split(" ");
        assertEquals("Grace 7", out[0] + " " + out[1], r.toString());
        assertTrue(Integer.parseInt(out[2]) <= 2, "six fetches reused kept-alive connections: " + r);
    }
}
