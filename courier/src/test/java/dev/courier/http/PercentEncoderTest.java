package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentEncoderTest {

    private static final String PUNCTUATION = "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}";

    private static String normalize(String s, PercentEncoder.Component c) {
        return PercentEncoder.normalize(s, 0, s.length(), c);
    }

    @Test
    void eachComponentKeepsExactlyItsRfc3986Characters() {
        assertEquals("!%22%23$%25&'()*+,/:;%3C=%3E%3F@%5B%5C%5D%5E%60%7B%7C%7D",
                normalize(PUNCTUATION, PercentEncoder.Component.PATH));
        assertEquals("!%22%23$%25&'()*+,%2F:;%3C=%3E%3F@%5B%5C%5D%5E%60%7B%7C%7D",
                normalize(PUNCTUATION, PercentEncoder.Component.PATH_SEGMENT));
        assertEquals("!%22%23$%25&'()*+,/:;%3C=%3E?@%5B%5C%5D%5E%60%7B%7C%7D",
                normalize(PUNCTUATION, PercentEncoder.Component.QUERY));
        assertEquals("!%22%23$%25&'()*+,/:;%3C=%3E?@%5B%5C%5D%5E%60%7B%7C%7D",
                normalize(PUNCTUATION, PercentEncoder.Component.FRAGMENT));
        assertEquals("!%22%23$%25&'()*+,%2F:;%3C=%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D",
                normalize(PUNCTUATION, PercentEncoder.Component.USERINFO));
        assertEquals("a%3Ab", PercentEncoder.encode("a:b", PercentEncoder.Component.USERINFO_PART));
    }

    @Test
    void returnsTheSameTextWhenNothingNeedsEncoding() {
        String s = "/already/fine%2F";
        assertSame(s, PercentEncoder.normalize(s, 0, s.length(), PercentEncoder.Component.PATH));
        assertEquals("fine", PercentEncoder.normalize("x/fine", 2, 6, PercentEncoder.Component.PATH));
    }

    @Test
    void normalizeKeepsReservedEscapesDecodesUnreservedOnesAndFixesLonePercents() {
        assertEquals("%2F%2fA-~%25%25z%25", normalize("%2F%2f%41%2D%7E%%z%", PercentEncoder.Component.PATH));
        assertEquals("%25", normalize("%", PercentEncoder.Component.QUERY));
        assertEquals("%252F", PercentEncoder.encode("%2F", PercentEncoder.Component.PATH), "raw mode encodes '%'");
    }

    @Test
    void encodesNonAsciiAsUtf8WithUpperCaseHex() {
        assertEquals("%C3%A9%E2%82%AC%F0%9F%98%80", normalize("\u00e9\u20ac\uD83D\uDE00", PercentEncoder.Component.PATH));
        assertEquals("%20%0D%0A%00", PercentEncoder.encode(" \r\n\u0000", PercentEncoder.Component.PATH_SEGMENT));
    }

    @Test
    void normalizeRefusesSpaceControlsAndUnpairedSurrogatesWithOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PercentEncoder.normalize("xx/a b", 2, 6, PercentEncoder.Component.PATH));
        assertTrue(e.getMessage().contains("offset 4") && e.getMessage().contains("in the path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> normalize("q\r", PercentEncoder.Component.QUERY));
        assertTrue(e.getMessage().contains("CR (0x0D) at offset 1 in the query"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> normalize("\uDE00", PercentEncoder.Component.FRAGMENT));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }

    @Test
    void decodesEscapesAsUtf8AndKeepsInvalidOnes() {
        assertEquals("a b/\u00e9%zz%", PercentEncoder.decode("a%20b%2F%C3%A9%zz%"));
        assertEquals("plain", PercentEncoder.decode("plain"));
    }
}
