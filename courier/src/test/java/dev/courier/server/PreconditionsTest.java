package dev.courier.server;

import static dev.courier.server.Preconditions.Outcome.NOT_MODIFIED;
import static dev.courier.server.Preconditions.Outcome.PRECONDITION_FAILED;
import static dev.courier.server.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final EntityTag TAG = new EntityTag(false, "abc");
    /** Last modified with a sub-second part, which HTTP-dates cannot express. */
    private static final Instant MODIFIED = Instant.parse("2026-01-10T12:00:00.750Z");
    private static final String AT = "Sat, 10 Jan 2026 12:00:00 GMT";
    private static final String BEFORE = "Sat, 10 Jan 2026 11:59:59 GMT";
    private static final String AFTER = "Sat, 10 Jan 2026 12:00:01 GMT";

    private static Preconditions.Outcome get(String... headers) {
        return Preconditions.evaluate(Method.GET, Headers.of(headers), TAG, MODIFIED);
    }

    @Test
    void proceedsWithoutConditions() {
        assertEquals(PROCEED, get());
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertEquals(NOT_MODIFIED, get("If-None-Match", "\"abc\""));
        assertEquals(NOT_MODIFIED, get("If-None-Match", "W/\"abc\""));
        assertEquals(NOT_MODIFIED, get("If-None-Match", "\"x\", \"abc\""));
        assertEquals(NOT_MODIFIED, get("If-None-Match", "\"x\"", "If-None-Match", "\"abc\""));
        assertEquals(PROCEED, get("If-None-Match", "\"abd\""));
        assertEquals(PROCEED, get("If-None-Match", "garbage"));
    }

    @Test
    void ifNoneMatchStarMatchesAnyExistingRepresentation() {
        assertEquals(NOT_MODIFIED, get("If-None-Match", "*"));
    }

    @Test
    void ifNoneMatchOnOtherMethodsIs412() {
        assertEquals(PRECONDITION_FAILED,
                Preconditions.evaluate(Method.PUT, Headers.of("If-None-Match", "*"), TAG, MODIFIED));
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertEquals(NOT_MODIFIED, get("If-Modified-Since", AT));
        assertEquals(NOT_MODIFIED, get("If-Modified-Since", AFTER));
        assertEquals(PROCEED, get("If-Modified-Since", BEFORE));
    }

    @Test
    void ifModifiedSinceIsIgnoredWhenInvalidRepeatedOrNotGet() {
        assertEquals(PROCEED, get("If-Modified-Since", "not a date"));
        assertEquals(PROCEED, get("If-Modified-Since", AT, "If-Modified-Since", AT));
        assertEquals(PROCEED, Preconditions.evaluate(Method.POST, Headers.of("If-Modified-Since", AT), TAG, MODIFIED));
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        // RFC 9110 §13.1.3: If-Modified-Since is ignored when If-None-Match is present.
        assertEquals(PROCEED, get("If-None-Match", "\"other\"", "If-Modified-Since", AFTER));
        assertEquals(NOT_MODIFIED, get("If-None-Match", "\"abc\"", "If-Modified-Since", BEFORE));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertEquals(PROCEED, get("If-Match", "\"abc\""));
        assertEquals(PROCEED, get("If-Match", "*"));
        assertEquals(PRECONDITION_FAILED, get("If-Match", "W/\"abc\""));
        assertEquals(PRECONDITION_FAILED, get("If-Match", "\"x\""));
    }

    @Test
    void ifMatchIsEvaluatedBeforeIfNoneMatch() {
        assertEquals(PRECONDITION_FAILED, get("If-Match", "\"x\"", "If-None-Match", "\"abc\""));
    }

    @Test
    void ifUnmodifiedSinceFailsWhenModifiedAfterAndIsIgnoredWithIfMatch() {
        assertEquals(PRECONDITION_FAILED, get("If-Unmodified-Since", BEFORE));
        assertEquals(PROCEED, get("If-Unmodified-Since", AT));
        assertEquals(PROCEED, get("If-Match", "\"abc\"", "If-Unmodified-Since", BEFORE));
    }

    @Test
    void ifRangeWithStrongTagOrExactDateAllowsTheRange() {
        assertTrue(Preconditions.ifRangeAllowsRange(Headers.empty(), TAG, MODIFIED));
        assertTrue(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", "\"abc\""), TAG, MODIFIED));
        assertTrue(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", AT), TAG, MODIFIED));
    }

    @Test
    void ifRangeWithWeakTagOrOtherValidatorSendsEverything() {
        assertFalse(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", "W/\"abc\""), TAG, MODIFIED));
        assertFalse(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", "\"old\""), TAG, MODIFIED));
        assertFalse(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", AFTER), TAG, MODIFIED));
        assertFalse(Preconditions.ifRangeAllowsRange(Headers.of("If-Range", "junk"), TAG, MODIFIED));
    }
}
