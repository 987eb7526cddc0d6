package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdateWithTwoDigitDay() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(Instant.EPOCH));
    }

    @Test
    void parsesAllThreeFormatsOfRfc9110() {
        assertEquals(EXAMPLE, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(EXAMPLE, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", 2026));
        assertEquals(EXAMPLE, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Instant.parse("1994-11-16T08:49:37Z"), HttpDates.parse("Wed Nov 16 08:49:37 1994"));
    }

    @Test
    void readsTwoDigitYearsAsNoMoreThanFiftyYearsAhead() {
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), HttpDates.parse("Tuesday, 01-Jan-30 00:00:00 GMT", 2026));
        assertEquals(Instant.parse("1977-01-01T00:00:00Z"), HttpDates.parse("Saturday, 01-Jan-77 00:00:00 GMT", 2026));
        assertEquals(Instant.parse("2076-01-01T00:00:00Z"), HttpDates.parse("Wednesday, 01-Jan-76 00:00:00 GMT", 2026));
    }

    @Test
    void roundTripsFormattedDates() {
        Instant t = Instant.parse("2026-02-28T23:59:59Z");
        assertEquals(t, HttpDates.parse(HttpDates.format(t)));
    }

    @Test
    void returnsNullForAnythingElse() {
        String[] bad = {null, "", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 06 Nov 1994 08-49-37 GMT", "Sun Nov 6 08:49:37 1994", "1994-11-06T08:49:37Z",
            "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT"};
        for (String s : bad) {
            assertNull(HttpDates.parse(s), s);
        }
    }
}
