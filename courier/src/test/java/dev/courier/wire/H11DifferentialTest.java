package dev.courier.wire;

import dev.courier.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses a corpus of request and response heads with Courier and with Python's h11 (one python3
 * run for the whole class) and requires the verdicts to agree, except for the differences listed
 * with their RFC reasons in {@code h11/differences.txt}.
 */
class H11DifferentialTest {

    private static final int MIN_CASES = 50;
    private static final long PYTHON_TIMEOUT_SECONDS = 60;

    private static List<Map<String, Object>> requests;
    private static List<Map<String, Object>> responses;
    private static Map<String, String> h11Verdicts;
    private static Map<String, String> differences;
    private static String skipReason;

    @BeforeAll
    static void runH11() throws IOException, InterruptedException {
        Path dir = resource("h11/h11_driver.py").getParent();
        requests = corpus(dir.resolve("requests.jsonl"));
        responses = corpus(dir.resolve("responses.jsonl"));
        differences = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("differences.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int bar = line.indexOf('|');
                differences.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
            }
        }
        ProcessBuilder pb = new ProcessBuilder("python3", dir.resolve("h11_driver.py").toString(),
                dir.resolve("requests.jsonl").toString(), dir.resolve("responses.jsonl").toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            skipReason = "python3 is not available: " + e.getMessage();
            return;
        }
        h11Verdicts = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Map<String, Object> v = castMap(Json.parse(line));
                h11Verdicts.put((String) v.get("id"), summary(v));
            }
        }
        if (!p.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("h11 driver did not finish within " + PYTHON_TIMEOUT_SECONDS + " s");
        }
        if (p.exitValue() == 3) {
            skipReason = "Python package h11 is not importable; install it to run the differential test";
        } else if (p.exitValue() != 0) {
            throw new AssertionError("h11 driver failed with exit status " + p.exitValue());
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(H11DifferentialTest.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> corpus(Path file) throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(castMap(Json.parse(line)));
            }
        }
        return cases;
    }

    /** Reduces a verdict to what both parsers must agree on. */
    private static String summary(Map<String, Object> v) {
        if (!Boolean.TRUE.equals(v.get("accept"))) {
            return "reject";
        }
        String what = v.containsKey("status") ? "status=" + v.get("status")
                : "method=" + v.get("method") + " target=" + v.get("target");
        return "accept " + what + " headers=" + v.get("headers") + " framing=" + v.get("framing");
    }

    private static String framingName(Framing f) {
        return f.kind() == Framing.Kind.CONTENT_LENGTH && f.contentLength() == 0 ? "NONE" : f.toString();
    }

    private static String courierRequest(byte[] bytes) {
        try {
            RequestHead h = HeadParser.forRequests(WireLimits.defaults()).parse(ByteBuffer.wrap(bytes));
            if (h == null) {
                return "reject";
            }
            return "accept method=" + h.method() + " target=" + h.target() + " headers=" + h.headers().size()
                    + " framing=" + framingName(h.framing());
        } catch (HttpParseException e) {
            return "reject";
        }
    }

    private static String courierResponse(byte[] bytes, Method method) {
        try {
            ResponseHead h = HeadParser.forResponses(WireLimits.defaults()).parse(ByteBuffer.wrap(bytes));
            if (h == null) {
                return "reject";
            }
            return "accept status=" + h.status() + " headers=" + h.headers().size()
                    + " framing=" + framingName(h.framing(method));
        } catch (HttpParseException e) {
            return "reject";
        }
    }

    private static void compare(List<Map<String, Object>> cases, boolean isRequest) {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        assertTrue(cases.size() >= MIN_CASES, "corpus has only " + cases.size() + " cases");
        List<String> problems = new ArrayList<>();
        int differing = 0;
        for (Map<String, Object> c : cases) {
            String id = (String) c.get("id");
            byte[] bytes = ((String) c.get("bytes")).getBytes(StandardCharsets.ISO_8859_1);
            String ours = isRequest ? courierRequest(bytes)
                    : courierResponse(bytes, Method.of((String) c.getOrDefault("method", "GET")));
            String theirs = h11Verdicts.get(id);
            if (theirs == null) {
                problems.add(id + ": no verdict from h11");
                continue;
            }
            boolean listed = differences.containsKey(id);
            if (ours.equals(theirs) && listed) {
                problems.add(id + ": listed in differences.txt but now agrees (" + ours + "); remove the entry");
            } else if (!ours.equals(theirs) && !listed) {
                problems.add(id + ": Courier says [" + ours + "], h11 says [" + theirs + "]");
            } else if (listed) {
                differing++;
            }
        }
        assertEquals(List.of(), problems, "disagreements with h11");
        assertTrue(differing < cases.size() / 2, "most cases should agree with h11");
    }

    @Test
    void requestHeadsAgreeWithH11InServerMode() {
        compare(requests, true);
    }

    @Test
    void responseHeadsAgreeWithH11InClientMode() {
        compare(responses, false);
    }

    @Test
    void everyListedDifferenceNamesACorpusCase() {
        List<Object> ids = new ArrayList<>();
        requests.forEach(c -> ids.add(c.get("id")));
        responses.forEach(c -> ids.add(c.get("id")));
        for (String id : differences.keySet()) {
            assertTrue(ids.contains(id), "differences.txt names unknown case " + id);
            assertTrue(differences.get(id).contains("RFC"), "difference " + id + " must cite its RFC reason");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object json) {
        return (Map<String, Object>) json;
    }
}
