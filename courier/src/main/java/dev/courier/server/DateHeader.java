package dev.courier.server;

import java.time.Instant;

/**
 * The value of the {@code Date} field (RFC 9110 §6.6.1), formatted at most once per second:
 * every response needs one, and the field has one-second resolution anyway.
 */
final class DateHeader {

    /** The second and its text, replaced together so readers never see a mismatched pair. */
    private static final class Cached {
        final long second;
        final String text;
        /** The whole field, {@code Date: <text>} and CR LF, as sent. */
        final byte[] field;

        Cached(long second, String text) {
            this.second = second;
            this.text = text;
            this.field = ("Date: " + text + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    private DateHeader() {
    }

    /** Returns the current time as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String now() {
        return current().text;
    }

    /** Returns the whole field, {@code Date: <IMF-fixdate>} and CR LF; the array is shared, do not change it. */
    static byte[] fieldBytes() {
        return current().field;
    }

    private static Cached current() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, HttpDates.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c;
    }
}
