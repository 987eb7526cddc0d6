package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The public suffix list: rule kinds, both sections, and the list's own test cases. */
class PublicSuffixListTest {

    private final PublicSuffixList psl = PublicSuffixList.defaultList();

    @Test
    void knowsIcannAndPrivateSuffixes() {
        assertTrue(psl.isPublicSuffix("com"));
        assertTrue(psl.isPublicSuffix("co.uk"));
        assertTrue(psl.isPublicSuffix("github.io"), "PRIVATE section is used");
        assertFalse(psl.isPublicSuffix("example.com"));
        assertFalse(psl.isPublicSuffix("alice.github.io"));
    }

    @Test
    void appliesWildcardAndExceptionRules() {
        assertTrue(psl.isPublicSuffix("anything.ck"), "*.ck");
        assertFalse(psl.isPublicSuffix("www.ck"), "!www.ck");
        assertEquals("www.ck", psl.registrableDomain("www.ck"));
        assertEquals("a.b.ck", psl.registrableDomain("a.b.ck"));
    }

    @Test
    void treatsUnlistedSingleLabelsAsSuffixes() {
        assertTrue(psl.isPublicSuffix("nosuchtld"), "the implicit * rule");
        assertEquals("example.nosuchtld", psl.registrableDomain("www.example.nosuchtld"));
    }

    @Test
    void parsesASmallListWithEveryRuleKind() throws IOException {
        PublicSuffixList tiny = PublicSuffixList.parse(new StringReader(
                "// comment\n\nexample\n*.wild.example\n!keep.wild.example\nbücher.example extra words\n"));
        assertTrue(tiny.isPublicSuffix("example"));
        assertTrue(tiny.isPublicSuffix("x.wild.example"));
        assertFalse(tiny.isPublicSuffix("keep.wild.example"));
        assertTrue(tiny.isPublicSuffix("xn--bcher-kva.example"), "IDN rules are stored as A-labels");
        assertFalse(tiny.isPublicSuffix("other.example"));
    }

    /**
     * The list's own checkPublicSuffix cases, shipped by the publicsuffix package as
     * examples/test_psl.txt; skipped when that file is not installed.
     */
    @TestFactory
    Stream<DynamicTest> passesThePublicSuffixListTestCases() throws IOException {
        Path file = Path.of("/usr/share/doc/publicsuffix/examples/test_psl.txt");
        Assumptions.assumeTrue(Files.isReadable(file), file + " is absent (apt-get install publicsuffix); skipping");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("checkPublicSuffix(")) {
                continue;
            }
            String[] args = line.substring("checkPublicSuffix(".length(), line.lastIndexOf(')')).split(",\\s*");
            String input = unquote(args[0]);
            String expected = unquote(args[1]);
            if (input == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(line, () -> {
                // The cases give hosts in any case and Unicode; cookie code canonicalizes first.
                String host = input.startsWith(".") ? input : HostNames.canonicalize(input);
                String want = expected == null ? null : HostNames.canonicalize(expected);
                assertEquals(want, psl.registrableDomain(host));
            }));
        }
        assertTrue(tests.size() > 50, "found only " + tests.size() + " cases");
        return tests.stream();
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.equals("null") ? null : s.substring(1, s.length() - 1);
    }
}
