package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteRangesTest {

    private static String parse(String value, long length) {
        return ByteRanges.parse(value, length).toString();
    }

    @Test
    void readsTheThreeFormsOfASingleRange() {
        assertEquals("bytes 0-99", parse("bytes=0-99", 10_000));
        assertEquals("bytes 9500-9999", parse("bytes=-500", 10_000));
        assertEquals("bytes 9500-9999", parse("bytes=9500-", 10_000));
    }

    @Test
    void cutsRangesAtTheEnd() {
        assertEquals("bytes 5-9", parse("bytes=5-500", 10));
        assertEquals("bytes 0-9", parse("bytes=-500", 10));
        assertEquals("bytes 0-9", parse("bytes=0-99999999999999999999999", 10));
        assertEquals("bytes 9-9", parse("bytes=9-9", 10));
    }

    @Test
    void singleRangeKnowsItsLength() {
        ByteRanges r = ByteRanges.parse("bytes=10-19", 100);
        assertEquals(ByteRanges.Kind.SINGLE, r.kind());
        assertEquals(10, r.first());
        assertEquals(19, r.last());
        assertEquals(10, r.length());
    }

    @Test
    void acceptsCaseInsensitiveUnitAndWhitespaceAroundElements() {
        assertEquals("bytes 0-0", parse("Bytes= 0-0 ", 10));
        assertEquals("bytes 0-0", parse("BYTES=0-0,", 10));
    }

    @Test
    void unsatisfiableWhenEveryRangeStartsPastTheEnd() {
        assertEquals("UNSATISFIABLE", parse("bytes=10-20", 10));
        assertEquals("UNSATISFIABLE", parse("bytes=-0", 10));
        assertEquals("UNSATISFIABLE", parse("bytes=100-, 200-300", 10));
    }

    @Test
    void servesMultipleRangesWhole() {
        assertEquals("FULL", parse("bytes=0-1,5-6", 10));
        assertEquals("FULL", parse("bytes=0-1,100-200", 10));
    }

    @Test
    void ignoresInvalidOrForeignRanges() {
        String[] ignored = {"bytes=5-1", "bytes=a-b", "bytes=1", "bytes=-", "bytes=", "items=0-1", "0-1",
            "bytes=0-1-2", "bytes=+1-2", "bytes=0-1,5-1"};
        for (String v : ignored) {
            assertEquals("FULL", parse(v, 10), v);
        }
        assertEquals("FULL", parse(null, 10));
    }

    @Test
    void servesEmptyRepresentationWhole() {
        assertEquals("FULL", parse("bytes=0-0", 0));
        assertEquals("FULL", parse("bytes=-5", 0));
    }
}
