package dev.courier.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.Router;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Courier's numberformat filter writes what Pebble's own writes, for every pattern, locale and value tried. */
class NumberFormatFilterTest {

    @TempDir
    Path dir;

    private static String pebbleOwn(String template, Map<String, Object> model, Locale locale) throws IOException {
        PebbleEngine plain = new PebbleEngine.Builder().loader(new StringLoader()).defaultLocale(locale).build();
        StringWriter out = new StringWriter();
        plain.getTemplate(template).evaluate(out, model, locale);
        return out.toString();
    }

    @Test
    void formatsAsPebblesOwnFilterDoes() throws IOException {
        Files.writeString(dir.resolve("n.txt"), "{{ v | numberformat(\"0.00\") }}|{{ v | numberformat(\"#,##0.#\") }}|{{ v | numberformat }}");
        PebbleTemplates courier = PebbleTemplates.builder(new Router()).directory(dir).build();
        String template = "{{ v | numberformat(\"0.00\") }}|{{ v | numberformat(\"#,##0.#\") }}|{{ v | numberformat }}";
        for (Object v : new Object[] {0, 1.005, 1234567.891, -3.5, 42L, 2.5f, new java.math.BigDecimal("10.125")}) {
            for (int round = 0; round < 2; round++) { // the second round uses the kept formats
                assertEquals(pebbleOwn(template, Map.of("v", v), Locale.getDefault()),
                        courier.render("n.txt", Map.of("v", v)), "for " + v);
            }
        }
    }

    @Test
    void refusesANonNumberNamingTheTemplate() throws IOException {
        Files.writeString(dir.resolve("bad.txt"), "{{ v | numberformat(\"0.00\") }}");
        PebbleTemplates courier = PebbleTemplates.builder(new Router()).directory(dir).build();
        TemplateException e = assertThrows(TemplateException.class, () -> courier.render("bad.txt", Map.of("v", "ten")));
        assertTrue(e.getMessage().contains("has to be a number") && e.getMessage().contains("bad.txt"), e.getMessage());
    }
}
