package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    private static final String[][] ENCODE_CASES = {
        {"a b", "c&d=e+f%g"},
        {"emoji", "\uD83D\uDE00 ok"},
        {"\u00e9", "\u00fc\u20ac"},
        {"x", ""},
        {"", "empty name"},
        {"sym", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
        {"ctl", "\t\n\r\u0000\u007f\u0080"},
        {"k", "1", "k", "2", "j", "3"},
        {"%zz", "%41"},
    };

    private static final String[] DECODE_CASES = {
        "a=1&a=2",
        "&&a&=b&=&c=d=e",
        "%zz=%2&%",
        "q=caf%C3%A9+cr%C3%A8me",
        "x=%F0%9F%98%80",
        "bad=%C3%28&t=%E2%82&u=%FF&s=%ED%A0%80&v=%F4%90%80%80",
        "a+b=c+d%2B",
        "\u00fc=\u00f6&\uD83D\uDE00=1",
        "%%41=%4&a=%2",
        "=",
        "a==b&&&",
        "%e2%82%ac=%E2%82%AC",
        "",
    };

    @Test
    void encodesWithPlusForSpaceAndUpperCaseHex() {
        assertEquals("q=caf%C3%A9+%26+cr%C3%A8me&page=2", FormEncoding.encode("q", "caf\u00e9 & cr\u00e8me", "page", "2"));
        assertEquals("a=1+2", FormEncoding.encode(List.of(Map.entry("a", "1 2"))));
        assertEquals("s=*-._%7E%21%27%28%29", FormEncoding.encode("s", "*-._~!'()"));
        assertEquals("e=%F0%9F%98%80", FormEncoding.encode("e", "\uD83D\uDE00"));
        assertEquals("=", FormEncoding.encode("", ""));
        assertEquals("", FormEncoding.encode());
    }

    @Test
    void encodesUnpairedSurrogatesAsReplacementCharacter() {
        assertEquals("a=%EF%BF%BDx", FormEncoding.encode("a", "\uD83Dx"));
        assertEquals("a=%EF%BF%BD", FormEncoding.encode("a", "\uDE00"));
    }

    @Test
    void keepsRepeatedKeysInOrder() {
        assertEquals(List.of(Map.entry("k", "1"), Map.entry("j", "x"), Map.entry("k", "2")),
                FormEncoding.decode("k=1&j=x&k=2"));
        assertEquals("k=1&j=x&k=2", FormEncoding.encode("k", "1", "j", "x", "k", "2"));
    }

    @Test
    void decodesLenientlyAsWhatwgSays() {
        assertEquals(List.of(Map.entry("a", ""), Map.entry("", "b"), Map.entry("c", "d=e")),
                FormEncoding.decode("&&a&=b&&c=d=e&"));
        assertEquals(List.of(Map.entry("%zz", "%2"), Map.entry("%", "")), FormEncoding.decode("%zz=%2&%"));
        assertEquals(List.of(Map.entry("a b", "c+d")), FormEncoding.decode("a+b=c%2Bd"));
        assertEquals(List.of(Map.entry("x", "\uFFFD(")), FormEncoding.decode("x=%C3%28"));
        assertEquals(List.of(Map.entry("\u20ac", "\u20ac")), FormEncoding.decode("%e2%82%ac=\u20ac"));
        assertEquals(List.of(), FormEncoding.decode(""));
        assertEquals(List.of(Map.entry("a", "\uFFFD")),
                FormEncoding.decode(new byte[] {'a', '=', (byte) 0xFF}));
        assertEquals(List.of(Map.entry("a\uFFFD", "")), FormEncoding.decode("a\uD800"),
                "an unpaired surrogate in the text is U+FFFD, not '?'");
        assertEquals(List.of(Map.entry("s", "\uFFFD\uFFFD\uFFFD")), FormEncoding.decode("s=%ED%A0%80"),
                "an encoded surrogate is three ill-formed bytes, not one");
    }

    @Test
    void refusesMoreFieldsThanTheLimitNamingItAndTheOffset() {
        assertEquals(3, FormEncoding.decode("a&b&c".getBytes(StandardCharsets.US_ASCII), 3).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FormEncoding.decode("a&&b&c=1&d".getBytes(StandardCharsets.US_ASCII), 3));
        assertTrue(e.getMessage().contains("maxFields=3") && e.getMessage().contains("offset 9"), e.getMessage());
        assertEquals(1000, FormEncoding.decode("x&".repeat(1000)).size());
        assertThrows(IllegalArgumentException.class, () -> FormEncoding.decode("x&".repeat(1001)));
    }

    @Test
    void roundTripsAnyText() {
        String tricky = "\u0000 &=+%25%zz\uD83D\uDE00\u00ff~*";
        assertEquals(List.of(Map.entry(tricky, tricky)), FormEncoding.decode(FormEncoding.encode(tricky, tricky)));
    }

    @Test
    void rejectsNullsAndOddCounts() {
        assertThrows(IllegalArgumentException.class, () -> FormEncoding.encode("a"));
        assertThrows(IllegalArgumentException.class, () -> FormEncoding.encode("a", null));
        assertThrows(IllegalArgumentException.class, () -> FormEncoding.encode(null, "b"));
    }

    /**
     * Python's quote_plus keeps '~' and encodes '*'; WHATWG does the reverse. Mapping our output
     * through those two differences must give exactly Python's bytes.
     */
    @Test
    void encodesLikePythonUrlencodeExceptForStarAndTilde() {
        StringBuilder in = new StringBuilder();
        for (String[] c : ENCODE_CASES) {
            in.append(hexLine(c)).append('\n');
        }
        Optional<String> out = Python.run("import sys\nfrom urllib.parse import urlencode\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    f = [bytes.fromhex(x).decode('utf-8') for x in line.split(' ')] if line else []\n"
                + "    print(urlencode(list(zip(f[0::2], f[1::2]))))\n", in.toString());
        Assumptions.assumeTrue(out.isPresent(), "python3 not found on PATH; skipping the urlencode comparison");
        String[] lines = out.get().split("\n");
        assertEquals(ENCODE_CASES.length, lines.length);
        for (int i = 0; i < ENCODE_CASES.length; i++) {
            String ours = FormEncoding.encode(ENCODE_CASES[i]);
            assertEquals(lines[i], ours.replace("*", "%2A").replace("%7E", "~"), "case " + i);
        }
    }

    @Test
    void decodesLikePythonParseQslWithBlankValues() {
        StringBuilder in = new StringBuilder();
        for (String c : DECODE_CASES) {
            in.append(c.isEmpty() ? "-" : hex(c)).append('\n');
        }
        Optional<String> out = Python.run("import sys\nfrom urllib.parse import parse_qsl\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    q = '' if line == '-' else bytes.fromhex(line).decode('utf-8')\n"
                + "    print(' '.join(n.encode().hex() + ':' + v.encode().hex()"
                + " for n, v in parse_qsl(q, keep_blank_values=True)))\n", in.toString());
        Assumptions.assumeTrue(out.isPresent(), "python3 not found on PATH; skipping the parse_qsl comparison");
        String[] lines = out.get().split("\n", -1);
        for (int i = 0; i < DECODE_CASES.length; i++) {
            List<Map.Entry<String, String>> expected = new ArrayList<>();
            if (!lines[i].isEmpty()) {
                for (String pair : lines[i].split(" ")) {
                    String[] nv = pair.split(":", -1);
                    expected.add(Map.entry(unhex(nv[0]), unhex(nv[1])));
                }
            }
            assertEquals(expected, FormEncoding.decode(DECODE_CASES[i]), "case " + DECODE_CASES[i]);
        }
    }

    private static String hexLine(String[] fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : " ").append(hex(fields[i]));
        }
        return sb.toString();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unhex(String h) {
        return new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8);
    }
}
