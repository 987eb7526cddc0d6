package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@code courier} with HTTPie's {@code http} on the same command lines: the request
 * printed by {@code --offline}, and the request a loopback server receives.
 *
 * <p>Normalised, as intended differences: the User-Agent (HTTPie/x vs courier/x) and
 * Accept-Encoding (HTTPie offers {@code br} when brotli is installed; Courier decodes gzip and
 * deflate only). {@code Accept:} (remove a default header) is skipped on the wire: the
 * library cannot drop its default headers. On the wire header order is compared as a sorted list, because http.client
 * sends Host first and Courier's transport adds Host, Content-Length and Authorization after the
 * other fields; the printed order is compared exactly.
 */
class GoldenTest {

    @TempDir
    static Path dir;
    static String txt;
    static String json;

    @BeforeAll
    static void files() throws IOException {
        txt = Files.writeString(dir.resolve("note.txt"), "hello\nworld\n").toString();
        json = Files.writeString(dir.resolve("data.json"), "{\"k\": [1, 2], \"ü\": null}").toString();
    }

    /** Each case runs with {@code --ignore-stdin}; {@code HOST} is :8080 offline and the echo server online. */
    static List<List<String>> cases() {
        String big = "a=" + "x".repeat(200);
        String[][] raw = {
            {"HOST"},
            {"HOST/p", "name=Ada", "age:=3", "x==1", "X-A:b"},
            {"-f", "--boundary", "BND", "HOST", "name=Ada", "f@" + txt},
            {"-f", "HOST", "name=Ada", "Accept:x"},
            {"HOST", "a[b][]=1", "a[b][]=2", "c[0]=x", "n=é"},
            {"-a", "u:p", "HOST"},
            {"DELETE", "HOST"},
            {"OPTIONS", "HOST"},
            {"POST", "HOST"},
            {"-x", "HOST", big},
            {"PUT", "HOST/x?y=1", "q==a b"},
            {"HOST", "X-Empty;"},
            {"HOST", "Accept:", "X-Keep:1"},
            {"HOST", "User-Agent:custom/1"},
            {"HOST", "x\\=y=1", "h\\:i:=2"},
            {"HOST", "tags[]=a", "tags[]=b", "user[name]=Ada", "user[age]:=36"},
            {"HOST", "list:=[1, 2.5, 1e20, 1e-7, true, null]", "obj:={\"k\": \"v\"}"},
            {"HOST", "text=@" + txt},
            {"HOST", "data:=@" + json},
            {"--multipart", "--boundary", "BND", "HOST", "a=1", "b=2"},
            {"-f", "--boundary", "BND", "HOST", "f@" + txt + ";type=application/x-foo", "g=1"},
            {"-A", "bearer", "-a", "TOKEN123", "HOST"},
            {"HOST/a b/ü"},
            {"HOST", "q==a&b", "q==ü", "r==1+1"},
            {"-f", "HOST", "a=1", "b=x y&z", "c=é"},
            {"PATCH", "HOST", "Content-Type:text/plain", "--raw", "hello raw"},
            {"HOST", "[]=1", "[]=2"},
            {"-xx", "HOST", "a=1"},
            {"--raw", "{\"a\": 1}", "HOST"},
            {"--multipart", "--boundary", "BND", "HOST", "Content-Type:multipart/mixed", "a=1"},
            {"HOST", "X-A:1", "X-B:2", "Cookie:a=b"},
            {"--form", "HOST", "Content-Type:application/x-custom", "a=1"},
            {"HEAD", "HOST"},
            {"--json", "HOST"},
            {"HOST", "X:1", "X:2", "Accept:a", "Accept:b"},
        };
        List<List<String>> out = new ArrayList<>();
        for (String[] c : raw) {
            List<String> args = new ArrayList<>(List.of("--ignore-stdin"));
            args.addAll(List.of(c));
            out.add(args);
        }
        return out;
    }

    private static List<List<String>> substitute(List<List<String>> cases, String host, boolean offline) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : cases) {
            List<String> args = new ArrayList<>();
            if (offline) {
                args.add("--offline");
            }
            for (String a : c) {
                args.add(a.startsWith("HOST") ? host + a.substring(4) : a);
            }
            out.add(args);
        }
        return out;
    }

    static String normalise(String s) {
        return s.replaceAll("User-Agent: (HTTPie|courier)/[^\r\n]*", "User-Agent: UA")
                .replace("Accept-Encoding: gzip, deflate, br", "Accept-Encoding: gzip, deflate");
    }

    @Test
    void offlineOutputMatchesHttpieForEveryCase() throws Exception {
        Assumptions.assumeTrue(Httpie.find() != null, "HTTPie's http command is not installed (apt-get install httpie)");
        List<List<String>> cases = substitute(cases(), ":8080", true);
        assertTrue(cases.size() >= 25, "at least 25 golden command lines");
        List<Httpie.Run> expected = Httpie.runAll(cases);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Cli.Result got = Cli.run(cases.get(i).toArray(new String[0]));
            String want = normalise(new String(expected.get(i).out(), StandardCharsets.ISO_8859_1));
            String have = normalise(got.text());
            if (expected.get(i).status() != got.status() || !want.equals(have)) {
                failures.add(String.join(" ", cases.get(i)) + "\n--- http (" + expected.get(i).status() + ")\n" + want
                        + "\n--- courier (" + got.status() + ")\n" + have + got.err());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void echoServerReceivesTheSameRequestFromBoth() throws Exception {
        Assumptions.assumeTrue(Httpie.find() != null, "HTTPie's http command is not installed (apt-get install httpie)");
        try (EchoServer server = EchoServer.ok()) {
            List<List<String>> cases = substitute(cases(), server.base(), false);
            List<Httpie.Run> runs = Httpie.runAll(cases);
            List<EchoServer.Received> fromHttpie = new ArrayList<>(server.received);
            server.received.clear();
            for (List<String> c : cases) {
                Cli.run(c.toArray(new String[0]));
            }
            List<EchoServer.Received> fromCourier = new ArrayList<>(server.received);
            assertEquals(cases.size(), fromHttpie.size(), "requests HTTPie sent: " + runs);
            assertEquals(cases.size(), fromCourier.size());
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).contains("Accept:")) {
                    // Known difference: Session always sends its default Accept, Accept-Encoding and
                    // User-Agent; a request cannot remove them (HTTPie's "Header:" does). Printed
                    // offline output matches; the wire does not.
                    continue;
                }
                String want = wire(fromHttpie.get(i));
                String have = wire(fromCourier.get(i));
                if (!want.equals(have)) {
                    failures.add(String.join(" ", cases.get(i)) + "\n--- http\n" + want + "\n--- courier\n" + have);
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    private static String wire(EchoServer.Received r) {
        List<String> headers = new ArrayList<>();
        for (String h : r.headerLines()) {
            headers.add(normalise(h));
        }
        headers.sort(String.CASE_INSENSITIVE_ORDER);
        return r.startLine() + "\n" + String.join("\n", headers) + "\n\n"
                + new String(r.body(), StandardCharsets.ISO_8859_1);
    }
}
