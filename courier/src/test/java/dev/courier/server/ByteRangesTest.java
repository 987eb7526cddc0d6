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
    void ordersAndKeepsSeveralRangesApart() {
        assertEquals("bytes 0-99,1000-1099", parse("bytes=0-99,1000-1099", 10_000));
        assertEquals("bytes 0-99,5000-5099", parse("bytes=5000-5099,0-99", 10_000));
        assertEquals(ByteRanges.Kind.MULTIPLE, ByteRanges.parse("bytes=0-0,-1", 10_000).kind());
        assertEquals("bytes 0-0,9999-9999", parse("bytes=0-0,-1", 10_000));
    }

    @Test
    void mergesRangesThatOverlapOrLieCloserThanAPartHead() {
        assertEquals("bytes 0-6", parse("bytes=0-1,5-6", 10), "3 bytes apart");
        assertEquals("bytes 0-999", parse("bytes=0-499,100-199,400-999", 10_000));
        assertEquals("FULL", parse("bytes=0-99,180-179", 10_000), "a range ending before it starts voids the field");
        // 79 bytes between them: merged; 80: kept apart.
        assertEquals("bytes 0-199", parse("bytes=0-20,100-199", 10_000));
        assertEquals("bytes 0-19,100-199", parse("bytes=0-19,100-199", 10_000));
    }

    @Test
    void manyOverlappingRangesAreNeverLargerThanTheFile() {
        StringBuilder field = new StringBuilder("bytes=");
        for (int i = 0; i < 1000; i++) {
            field.append(i == 0 ? "" : ",").append("0-");
        }
        assertEquals("bytes 0-9999", parse(field.toString(), 10_000));
    }

    @Test
    void moreThanMaxPartsAfterMergingIsServedWhole() {
        StringBuilder atMax = new StringBuilder("bytes=");
        for (int i = 0; i < ByteRanges.MAX_PARTS; i++) {
            atMax.append(i == 0 ? "" : ",").append(i * 500).append('-').append(i * 500 + 9);
        }
        assertEquals(ByteRanges.MAX_PARTS, ByteRanges.parse(atMax.toString(), 10_000).count());
        assertEquals("FULL", parse(atMax + ",9900-9909", 10_000));
    }

    @Test
    void unsatisfiableRangesAmongSatisfiableOnesAreDropped() {
        assertEquals("bytes 0-1", parse("bytes=0-1,100-200", 10));
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
