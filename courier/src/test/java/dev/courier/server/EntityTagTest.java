package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void parsesListsOfStrongAndWeakTags() {
        List<EntityTag> tags = EntityTag.parseList("\"a\", W/\"b\" ,\"\"");
        assertEquals(3, tags.size());
        assertEquals("\"a\"", tags.get(0).toString());
        assertTrue(tags.get(1).weak());
        assertEquals("W/\"b\"", tags.get(1).toString());
        assertEquals("\"\"", tags.get(2).toString());
    }

    @Test
    void refusesMalformedLists() {
        for (String bad : new String[] {"a", "\"a", "w/\"a\"", "\"a\" \"b\"", "\"a b\""}) {
            assertNull(EntityTag.parseList(bad), bad);
        }
    }

    @Test
    void comparesPerRfc9110Table() {
        // RFC 9110 §8.8.3.2 example table.
        EntityTag w1 = EntityTag.parse("W/\"1\"");
        EntityTag w2 = EntityTag.parse("W/\"2\"");
        EntityTag s1 = EntityTag.parse("\"1\"");
        assertFalse(w1.strongMatch(w1));
        assertTrue(w1.weakMatch(w1));
        assertFalse(w1.strongMatch(w2));
        assertFalse(w1.weakMatch(w2));
        assertFalse(w1.strongMatch(s1));
        assertTrue(w1.weakMatch(s1));
        assertTrue(s1.strongMatch(s1));
        assertTrue(s1.weakMatch(s1));
    }

    @Test
    void recognisesTheWildcard() {
        assertTrue(EntityTag.isAny(" * "));
        assertFalse(EntityTag.isAny("\"*\""));
    }
}
