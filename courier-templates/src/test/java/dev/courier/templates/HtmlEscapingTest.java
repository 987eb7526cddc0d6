package dev.courier.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** Courier's HTML escaping writes exactly what Pebble's own strategy (unbescape) writes. */
class HtmlEscapingTest {

    private final HtmlEscaping html = new HtmlEscaping();

    @Test
    void writesWhatPebblesOwnStrategyWrites() {
        for (String s : List.of("", "plain text", "<script>alert('x')</script>", "a & b", "\"quoted\"",
                "Widget <b>1</b> & \"friends\"", "&amp; already", "Grüße ☃ 日本 🙂", "<<>>&&''\"\"", "end<",
                ">start", "tab\tnew\nline\r", "\u0000nul", "x'y")) {
            assertEquals(HtmlEscape.escapeHtml4Xml(s), html.escape(s), () -> "for " + s);
        }
    }

    @Test
    void returnsAStringWithNothingToEscapeAsItIs() {
        String s = "nothing to escape here";
        assertSame(s, html.escape(s));
        assertNull(html.escape(null));
    }

    @Test
    void isTheStrategyTemplatesUse() {
        PebbleTemplates pages = PebbleTemplates.builder(new dev.courier.server.Router()).build();
        assertEquals(HtmlEscape.escapeHtml4Xml("<b>'&\"</b>") + "|<i>raw</i>",
                pages.render("escape.html", Map.of("name", "<b>'&\"</b>", "trusted", "<i>raw</i>")).trim());
    }
}
