package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live differential checks against the python3 urllib3 on this machine (skipped without it). */
class Urllib3InteropTest {

    private static final String ENCODE = String.join("\n",
            "import sys, json, base64",
            "from urllib3.fields import RequestField",
            "from urllib3.filepost import encode_multipart_formdata",
            "out = sys.stdout.buffer",
            "for spec in json.load(sys.stdin):",
            "    fields = []",
            "    for p in spec['parts']:",
            "        rf = RequestField(p['name'], base64.b64decode(p['value_b64']), filename=p['filename'],",
            "                          headers=dict(p['headers']))",
            "        rf.make_multipart(content_type=p['content_type'])",
            "        fields.append(rf)",
            "    body, ct = encode_multipart_formdata(fields, boundary=spec['boundary'])",
            "    out.write(b'%d %d\\n' % (len(ct.encode()), len(body)) + ct.encode() + body)");

    private static final String MIMETYPES = String.join("\n",
            "import sys, mimetypes",
            "for ext in sys.stdin.read().split():",
            "    print(ext, mimetypes.guess_type('a.' + ext)[0])");

    /** Runs python3 with {@code script}, feeding {@code input}; returns stdout, or skips. */
    private static byte[] python(String script, byte[] input) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on PATH: " + e.getMessage());
            throw e;
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        }
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish in 60 s");
        assumeTrue(p.exitValue() == 0, "python3 with urllib3 failed (exit " + p.exitValue()
                + "); is urllib3 2.x installed for python3?");
        return out;
    }

    private static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : c);
        }
        return sb.append('"').toString();
    }

    @Test
    void encodesRandomPartsExactlyAsUrllib3Does() throws Exception {
        Random rnd = new Random(2026);
        List<Multipart> bodies = new ArrayList<>();
        StringBuilder spec = new StringBuilder("[");
        for (int round = 0; round < 40; round++) {
            String boundary = rnd.nextBoolean() ? Boundary.random() : "b-" + round + "_x.y";
            Multipart.Builder mb = Multipart.form().boundary(boundary);
            spec.append(round == 0 ? "" : ",").append("{\"boundary\":").append(json(boundary)).append(",\"parts\":[");
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                byte[] value = RoundTripTest.randomContent(rnd, 500);
                String name = RoundTripTest.randomText(rnd, 10);
                String filename = rnd.nextBoolean() ? RoundTripTest.randomText(rnd, 12) : null;
                String type = rnd.nextBoolean() ? null : rnd.nextBoolean() ? "text/plain" : "image/x-é";
                Part.Builder pb = Part.builder().name(name).filename(filename).contentType(type).body(value);
                StringBuilder headers = new StringBuilder("[");
                for (int h = 0; h < rnd.nextInt(3); h++) {
                    String hv = "v" + RoundTripTest.randomText(rnd, 6).replace("\r", "").replace("\n", "");
                    pb.header("X-H" + h, hv);
                    headers.append(h == 0 ? "" : ",").append("[\"X-H").append(h).append("\",").append(json(hv)).append(']');
                }
                spec.append(i == 0 ? "" : ",").append("{\"name\":").append(json(name))
                        .append(",\"filename\":").append(json(filename))
                        .append(",\"content_type\":").append(json(type))
                        .append(",\"headers\":").append(headers).append(']')
                        .append(",\"value_b64\":\"").append(Base64.getEncoder().encodeToString(value)).append("\"}");
                mb.part(pb.build());
            }
            spec.append("]}");
            bodies.add(mb.build());
        }
        spec.append(']');
        byte[] out = python(ENCODE, spec.toString().getBytes(StandardCharsets.UTF_8));
        int pos = 0;
        for (int round = 0; round < bodies.size(); round++) {
            int nl = pos;
            while (out[nl] != '\n') {
                nl++;
            }
            String[] lens = new String(out, pos, nl - pos, StandardCharsets.US_ASCII).split(" ");
            int ctLen = Integer.parseInt(lens[0]);
            int bodyLen = Integer.parseInt(lens[1]);
            Multipart m = bodies.get(round);
            assertEquals(new String(out, nl + 1, ctLen, StandardCharsets.UTF_8), m.contentType(), "round " + round);
            assertEquals(bodyLen, m.contentLength(), "round " + round);
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            m.writeTo(mine);
            byte[] theirs = Arrays.copyOfRange(out, nl + 1 + ctLen, nl + 1 + ctLen + bodyLen);
            assertArrayEquals(theirs, mine.toByteArray(), "round " + round);
            pos = nl + 1 + ctLen + bodyLen;
        }
        assertEquals(out.length, pos, "every round was compared");
    }

    @Test
    void theBuiltInTypeTableAgreesWithPythonMimetypes() throws Exception {
        Map<String, String> table = new TreeMap<>(ContentTypes.TABLE);
        byte[] out = python(MIMETYPES, String.join(" ", table.keySet()).getBytes(StandardCharsets.US_ASCII));
        Map<String, String> theirs = new TreeMap<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            String[] kv = line.trim().split(" ");
            theirs.put(kv[0], kv[1]);
        }
        assertEquals(table, theirs);
    }
}
