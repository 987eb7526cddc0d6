package dev.courier.cookie;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lenient cookie-date parser of RFC 6265 §5.1.1 and the IMF-fixdate writer of RFC 9110
 * §5.6.7.
 *
 * <p>The parser splits the string at delimiters and looks at each token in turn for, in this
 * order, a time, a day of month, a month and a year; the first token that fits each slot wins and
 * everything else is ignored. That is why {@code "Thu Apr 18 2007 GMT 22:50:12"} and
 * {@code "Sat, 15-Apr-17 21:01:22 GMT-0400 (EDT)"} both parse (http-state dates-bsd vectors).
 */
final class CookieDates {

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    };

    /** IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT} (RFC 9110 §5.6.7). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Slots of §5.1.1 step 2, filled in this order per token. */
    private enum State { TIME, DAY_OF_MONTH, MONTH, YEAR }

    private CookieDates() {
    }

    /** Returns {@code instant} as an IMF-fixdate, e.g. {@code Wed, 09 Jun 2021 10:18:14 GMT}. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * Returns the instant a cookie-date names, or {@code null} when RFC 6265 §5.1.1 says to fail,
     * e.g. {@code parse("Wed, 09 Jun 2021 10:18:14 GMT")} or {@code parse("09-Jun-21 10:18:14")}.
     */
    static Instant parse(String s) {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        int n = s.length();
        int i = 0;
        // Bounded: i only grows and each token is at least one character.
        while (i < n) {
            while (i < n && isDelimiter(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isDelimiter(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            for (State state : State.values()) {
                if (state == State.TIME && hour < 0) {
                    int[] hms = time(s, start, i);
                    if (hms != null) {
                        hour = hms[0];
                        minute = hms[1];
                        second = hms[2];
                        break;
                    }
                } else if (state == State.DAY_OF_MONTH && day < 0) {
                    day = digits(s, start, i, 1, 2);
                    if (day >= 0) {
                        break;
                    }
                } else if (state == State.MONTH && month < 0) {
                    month = month(s, start, i);
                    if (month >= 0) {
                        break;
                    }
                } else if (state == State.YEAR && year < 0) {
                    year = digits(s, start, i, 2, 4);
                    if (year >= 0) {
                        break;
                    }
                }
            }
        }
        // §5.1.1 steps 3-6: two-digit years, then range checks.
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 0 || month < 0 || year < 0) {
            return null;
        }
        if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchDate) {
            return null; // e.g. 31 Feb: §5.1.1 step 7 "if no such date exists, abort"
        }
    }

    /** Returns true for a §5.1.1 delimiter: HTAB, SP-"/", ";"-"@", "["-"`", "{"-"~". */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || c >= 0x20 && c <= 0x2F || c >= 0x3B && c <= 0x40
                || c >= 0x5B && c <= 0x60 || c >= 0x7B && c <= 0x7E;
    }

    private static boolean isDigit(String s, int i, int end) {
        return i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /**
     * Returns the value of {@code min..max} digits at {@code start} when the token continues with a
     * non-digit or ends there (the {@code ( non-digit *OCTET )} tail of §5.1.1), else -1.
     */
    private static int digits(String s, int start, int end, int min, int max) {
        int value = 0;
        int i = start;
        while (isDigit(s, i, end) && i - start < max) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i - start < min || isDigit(s, i, end)) {
            return -1;
        }
        return value;
    }

    /** Returns {hour, minute, second} for an hms-time at {@code start}, or null. */
    private static int[] time(String s, int start, int end) {
        int[] hms = new int[3];
        int i = start;
        for (int field = 0; field < 3; field++) {
            int from = i;
            int v = 0;
            while (isDigit(s, i, end) && i - from < 2) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == from || isDigit(s, i, end)) {
                return null;
            }
            hms[field] = v;
            if (field < 2) {
                if (i >= end || s.charAt(i) != ':') {
                    return null;
                }
                i++;
            }
        }
        return hms;
    }

    /** Returns the month index 0-11 when the token starts with a month's three letters, else -1. */
    private static int month(String s, int start, int end) {
        if (end - start < 3) {
            return -1;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (s.regionMatches(true, start, MONTHS[m], 0, 3)) {
                return m;
            }
        }
        return -1;
    }
}
