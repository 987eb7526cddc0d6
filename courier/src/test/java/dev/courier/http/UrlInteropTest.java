package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Url compared with Python's urllib.parse, idna codec and requests, when they are installed. */
class UrlInteropTest {

    private static final String BASE = "http://a/b/c/d;p?q";

    /**
     * RFC 3986 §5.4 references on which Python's urljoin (3.5 and later) and RFC 3986 agree.
     * Left out: "http:g", where urljoin is a non-strict parser and gives "http://a/b/c/g".
     */
    private static final String[] REFERENCES = {"g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s",
        "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
        "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h",
        "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x"};

    private static final String[] HOSTS = {"b\u00fccher.example", "\u4f8b\u3048.\u30c6\u30b9\u30c8",
        "m\u00fcnchen.de", "\u00e9cole.fr", "xn--nxasmq6b.example", "\u0440\u0444.example"};

    /**
     * URLs on which requests' requote_uri and Url agree. Intended differences, left out: requests
     * keeps '[' and ']' outside the host (RFC 3986 allows them only in IP literals, so Url encodes
     * them), keeps a second '#' in the fragment (Url encodes it as %23), and when any '%' is not a
     * valid escape it re-encodes every '%', valid escapes included ("%41%zz" becomes "%2541%25zz"),
     * which changes the meaning of the valid ones; Url keeps valid escapes and encodes only the bad '%'.
     */
    private static final String[] REQUOTE = {
        "http://a/\"<>\\^`{|}/\u00e4?q=\u00f6|x#\u00fc",
        "http://a/%41%2F?x=%20+y",
        "https://a:8443/p;q=1/!$&'()*+,;=:@-._~?/?:@#/?",
        "http://a/\uD83D\uDE00?\u20ac=\u00a3",
        "http://u\u00e9:p%40@a/",
    };

    @Test
    void resolvesLikePythonUrljoin() {
        Optional<String> out = python("import sys\nfrom urllib.parse import urljoin\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    print(urljoin('" + BASE + "', bytes.fromhex(line[1:]).decode()))\n", REFERENCES,
                "python3 not found on PATH; RFC 3986 examples are still checked by UrlResolveTest");
        String[] lines = out.get().split("\n", -1);
        Url base = Url.parse(BASE);
        for (int i = 0; i < REFERENCES.length; i++) {
            assertEquals(lines[i], base.resolve(REFERENCES[i]).toString(), REFERENCES[i]);
        }
    }

    @Test
    void convertsHostsLikePythonsIdnaCodec() {
        Optional<String> out = python("import sys\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    print(bytes.fromhex(line[1:]).decode().encode('idna').decode().lower())\n", HOSTS,
                "python3 not found on PATH; skipping the IDNA comparison");
        String[] lines = out.get().split("\n", -1);
        for (int i = 0; i < HOSTS.length; i++) {
            assertEquals(lines[i], Url.parse("http://" + HOSTS[i] + "/").host(), HOSTS[i]);
        }
    }

    @Test
    void percentEncodesLikeRequestsRequoteUri() {
        Optional<String> probe = Python.run("try:\n    import requests\n    print('yes')\n"
                + "except ImportError:\n    print('no')\n", "");
        Assumptions.assumeTrue(probe.isPresent(), "python3 not found on PATH; skipping the requests comparison");
        Assumptions.assumeTrue(probe.get().trim().equals("yes"),
                "the Python package requests is not installed; skipping the requote_uri comparison");
        Optional<String> out = python("import sys\nfrom requests.utils import requote_uri\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    print(requote_uri(bytes.fromhex(line[1:]).decode()))\n", REQUOTE, "unreachable");
        String[] lines = out.get().split("\n", -1);
        for (int i = 0; i < REQUOTE.length; i++) {
            assertEquals(lines[i], Url.parse(REQUOTE[i]).toString(), REQUOTE[i]);
        }
    }

    /** Runs {@code script} with one input per line (hex of UTF-8 after an 'x', so empty inputs survive). */
    private static Optional<String> python(String script, String[] inputs, String skipMessage) {
        StringBuilder in = new StringBuilder();
        for (String s : inputs) {
            in.append('x').append(HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Optional<String> out = Python.run(script, in.toString());
        Assumptions.assumeTrue(out.isPresent(), skipMessage);
        return out;
    }
}
