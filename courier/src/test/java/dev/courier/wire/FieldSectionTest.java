package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.courier.http.Headers;
import org.junit.jupiter.api.Test;

class FieldSectionTest {

    private static Headers parse(boolean strict, String... lines) {
        FieldSection f = new FieldSection(strict);
        long offset = 0;
        int index = 0;
        for (String line : lines) {
            byte[] b = bytes("pad" + line);
            // Every other clean line is checked byte by byte anyway: both ways must agree.
            boolean clean = ByteScan.firstControl(b, 3, b.length) == b.length;
            f.addLine(b, 3, b.length - 3, offset, 100, clean && index++ % 2 == 0);
            offset += line.length() + 2;
        }
        return f.toHeaders();
    }

    @Test
    void trustedHeadersEqualWhatTheValidatingBuilderBuilds() {
        Headers parsed = parse(false, "Host: example.com", "X-Tab:\ta\tb\t", "X-Latin: caf\u00e9 \u00ff",
                "x-custom-NAME:   spaced   ", "Empty:", "Folded: one", "  two", "Connection: keep-alive");
        Headers built = Headers.builder()
                .add("Host", "example.com")
                .add("X-Tab", "\ta\tb\t")
                .add("X-Latin", "caf\u00e9 \u00ff")
                .add("x-custom-NAME", "   spaced   ")
                .add("Empty", "")
                .add("Folded", "one two")
                .add("Connection", "keep-alive")
                .build();
        assertEquals(built, parsed);
        assertEquals(built.toString(), parsed.toString());
    }

    @Test
    void commonNamesAndClosedVocabularyValuesAreSharedConstants() {
        Headers a = parse(true, "sec-fetch-mode: navigate", "Connection: keep-alive");
        Headers b = parse(true, "sec-fetch-mode: navigate", "Connection: keep-alive");
        assertSame(a.name(0), b.name(0));
        assertSame(a.value(0), b.value(0));
        assertSame(a.value(1), b.value(1));
    }

    @Test
    void valuesKeepTheirSpellingWhenNotExactlyAListedValue() {
        Headers h = parse(true, "Connection: KEEP-ALIVE", "Sec-Fetch-Mode: navigatex", "X-Custom: navigate");
        assertEquals("KEEP-ALIVE", h.value(0));
        assertEquals("navigatex", h.value(1));
        assertEquals("navigate", h.value(2));
        assertNotSame(parse(true, "Sec-Fetch-Mode: navigate").value(0), h.value(2));
    }
}
