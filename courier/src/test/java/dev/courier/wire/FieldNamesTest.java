package dev.courier.wire;

import static dev.courier.wire.Feeder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private static int match(String name) {
        byte[] b = bytes("x" + name + ":");
        return FieldNames.match(b, 1, name.length());
    }

    @Test
    void everyKnownNameIsFoundInEverySpelling() {
        for (int id = 0; id < FieldNames.count(); id++) {
            String canon = FieldNames.canonical(id);
            String lower = canon.toLowerCase(Locale.ROOT);
            String upper = canon.toUpperCase(Locale.ROOT);
            assertEquals(id << 2 | FieldNames.CANONICAL, match(canon), canon);
            assertEquals(id << 2 | (lower.equals(canon) ? FieldNames.CANONICAL : FieldNames.LOWER_CASE), match(lower), lower);
            assertEquals(id << 2 | (upper.equals(canon) ? FieldNames.CANONICAL : FieldNames.OTHER_CASE), match(upper), upper);
            byte[] b = bytes(lower);
            assertSame(FieldNames.name(match(lower), b, 0, b.length), FieldNames.name(match(lower), b, 0, b.length));
        }
    }

    @Test
    void nearMissesAreUnknown() {
        for (String name : new String[] {"Hosts", "Hos", "Content-Lengths", "Content_Length", "X-Custom", "Acceptx",
            "Sec-Fetch-Mod3", "Sec-Fetch-Mode\r", "Host\u0000"}) {
            assertEquals(FieldNames.UNKNOWN, match(name), name);
        }
    }
}
