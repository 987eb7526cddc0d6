package dev.courier.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lenient parsing of the request Cookie header for servers. */
class CookieHeaderTest {

    private static List<String> parse(String header) {
        return CookieHeader.parse(header).stream().map(CookieHeader.Pair::toString).toList();
    }

    @Test
    void parsesTheRfcFormInOrder() {
        assertEquals(List.of("a=1", "b=2", "a=3"), parse("a=1; b=2; a=3"));
    }

    @Test
    void toleratesMissingAndExtraSpacesAndEmptyPieces() {
        assertEquals(List.of("a=1", "b=2", "c=3"), parse("a=1;b=2 ;;  c = 3 ;"));
        assertEquals(List.of("a=1", "b=2"), parse("\ta=1;\tb=2\t"));
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse(" ; ;"));
    }

    @Test
    void removesOnePairOfQuotesAndKeepsEqualsSignsInValues() {
        assertEquals(List.of("a=x y", "b=k=v==", "c=\"half"), parse("a=\"x y\"; b=k=v==; c=\"half"));
    }

    @Test
    void givesAPieceWithoutEqualsAnEmptyName() {
        List<CookieHeader.Pair> pairs = CookieHeader.parse("lonely; a=1");
        assertEquals(new CookieHeader.Pair("", "lonely"), pairs.get(0));
        assertEquals(new CookieHeader.Pair("a", "1"), pairs.get(1));
    }

    @Test
    void rendersCookiesInTheGivenOrder() {
        Cookie a = Cookie.builder().name("a").value("1").domain("example.com").build();
        Cookie b = Cookie.builder().name("b").value("").domain("example.com").build();
        assertEquals("a=1; b=", CookieHeader.render(List.of(a, b)));
    }
}
