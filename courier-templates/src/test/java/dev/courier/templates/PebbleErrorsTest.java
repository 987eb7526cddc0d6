package dev.courier.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How the column is found from Pebble's message and the template line. */
class PebbleErrorsTest {

    @Test
    void takesTheOffendingTextFromEachMessageShapePebbleUses() {
        assertEquals("%}", PebbleErrors.token("Unexpected token \"EXECUTE_END\" of value \"%}\""));
        assertEquals("[", PebbleErrors.token("Unexpected token of value \"[\" and type PUNCTUATION, expected token of type PRINT_END"));
        assertEquals("endif", PebbleErrors.token("Unexpected tag name \"endif\""));
        assertEquals(")", PebbleErrors.token("Unexpected \")\""));
        assertEquals("upperr", PebbleErrors.token("Filter [upperr] does not exist."));
        assertEquals("nofn", PebbleErrors.token("Function or Macro [nofn] does not exist."));
        assertNull(PebbleErrors.token("Unclosed \"(\""), "an unclosed bracket is what is missing, not on the line");
        assertNull(PebbleErrors.token("Unexpected end of template. Pebble was looking for the \"endfor\" tag"));
        assertNull(PebbleErrors.token("Could not perform division"));
    }

    @Test
    void givesAColumnOnlyForExactlyOneWholeWordMatch() {
        assertEquals(7, PebbleErrors.column("%}", "{% if %}"));
        assertEquals(14, PebbleErrors.column("x", "{{ max }} {{ x }}"), "the x inside max does not count");
        assertEquals(-1, PebbleErrors.column("x", "{{ max }}"), "not inside another name");
        assertEquals(-1, PebbleErrors.column("%}", "{% if a %}{% if %}"), "twice: unknown");
        assertEquals(-1, PebbleErrors.column("y", "{{ x }}"));
        assertEquals(-1, PebbleErrors.column(null, "{{ x }}"));
    }

    @Test
    void findsTheNthLineWithoutItsLineEnd() {
        assertEquals("b", PebbleErrors.lineOf("a\r\nb\r\nc", 2));
        assertEquals("", PebbleErrors.lineOf("a\n", 2));
        assertNull(PebbleErrors.lineOf("a\n", 3));
    }
}
