package dev.courier.server;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HTTP-date (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three formats a recipient
 * must accept.
 *
 * <pre>
 * Sun, 06 Nov 1994 08:49:37 GMT    IMF-fixdate (the only one sent)
 * Sunday, 06-Nov-94 08:49:37 GMT   obsolete RFC 850
 * Sun Nov  6 08:49:37 1994         ANSI C asctime()
 * </pre>
 */
final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDates() {
    }

    /** Returns {@code t} as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String format(Instant t) {
        long second = t.getEpochSecond();
        int slot = (int) (second ^ (second >>> 32)) & (FORMATTED.length - 1);
        Formatted f = FORMATTED[slot];
        if (f != null && f.second == second) {
            return f.text;
        }
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
        FORMATTED[slot] = new Formatted(second, text);
        return text;
    }

    /**
     * Recently formatted seconds, direct-mapped: static files format their modification time on
     * every reply (Last-Modified), and DateTimeFormatter took a tenth of a static file's time.
     * Entries are immutable, so a racing reader sees a whole old or new one; the format has
     * one-second resolution, so the second is the whole key.
     */
    private static final Formatted[] FORMATTED = new Formatted[64];

    private static final class Formatted {
        final long second;
        final String text;

        Formatted(long second, String text) {
            this.second = second;
            this.text = text;
        }
    }

    /** Returns the instant {@code s} names, or null when it is not an HTTP-date. */
    static Instant parse(String s) {
        return parse(s, LocalDateTime.now(ZoneOffset.UTC).getYear());
    }

    /**
     * Returns the instant {@code s} names, or null when it is not an HTTP-date; a two-digit
     * RFC 850 year is read relative to {@code currentYear} (below).
     */
    static Instant parse(String s, int currentYear) {
        if (s == null) {
            return null;
        }
        String v = s.trim();
        int comma = v.indexOf(',');
        try {
            if (comma == 3) {
                return imfFixdate(v);
            }
            if (comma > 3) {
                return rfc850(v, comma, currentYear);
            }
            if (comma < 0) {
                return asctime(v);
            }
        } catch (DateTimeException e) {
            return null; // e.g. 31 Feb: well-formed but not a date
        }
        return null;
    }

    // Sun, 06 Nov 1994 08:49:37 GMT
    private static Instant imfFixdate(String v) {
        if (v.length() != 29 || !letters(v, 0, 3) || v.charAt(4) != ' ' || v.charAt(7) != ' '
                || v.charAt(11) != ' ' || v.charAt(16) != ' ' || !v.startsWith(" GMT", 25)) {
            return null;
        }
        int day = digits(v, 5, 2);
        int month = month(v, 8);
        int year = digits(v, 12, 4);
        return at(year, month, day, v, 17);
    }

    // Sunday, 06-Nov-94 08:49:37 GMT
    private static Instant rfc850(String v, int comma, int currentYear) {
        int p = comma + 1;
        if (v.length() != p + 23 || !letters(v, 0, comma) || v.charAt(p) != ' ' || v.charAt(p + 3) != '-'
                || v.charAt(p + 7) != '-' || v.charAt(p + 10) != ' ' || !v.startsWith(" GMT", p + 19)) {
            return null;
        }
        int day = digits(v, p + 1, 2);
        int month = month(v, p + 4);
        int yy = digits(v, p + 8, 2);
        if (yy < 0) {
            return null;
        }
        // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
        int century = currentYear / 100 * 100;
        int year = century + yy;
        if (year > currentYear + 50) {
            year -= 100;
        }
        return at(year, month, day, v, p + 11);
    }

    // Sun Nov  6 08:49:37 1994
    private static Instant asctime(String v) {
        if (v.length() != 24 || !letters(v, 0, 3) || v.charAt(3) != ' ' || v.charAt(7) != ' '
                || v.charAt(10) != ' ' || v.charAt(19) != ' ') {
            return null;
        }
        int month = month(v, 4);
        int day = v.charAt(8) == ' ' ? digits(v, 9, 1) : digits(v, 8, 2);
        int year = digits(v, 20, 4);
        return at(year, month, day, v, 11);
    }

    /** Returns the instant for the date and the {@code HH:mm:ss} at {@code t}, or null. */
    private static Instant at(int year, int month, int day, String v, int t) {
        if (year < 0 || month < 0 || day < 0 || v.charAt(t + 2) != ':' || v.charAt(t + 5) != ':') {
            return null;
        }
        int hh = digits(v, t, 2);
        int mm = digits(v, t + 3, 2);
        int ss = digits(v, t + 6, 2);
        if (hh < 0 || mm < 0 || ss < 0) {
            return null;
        }
        // A leap second (60) is allowed by the grammar; it is read as the next second.
        boolean leap = ss == 60;
        Instant i = LocalDateTime.of(year, month, day, hh, mm, leap ? 59 : ss).toInstant(ZoneOffset.UTC);
        return leap ? i.plusSeconds(1) : i;
    }

    private static boolean letters(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return to > from;
    }

    /** Returns the month 1..12 spelled at {@code at} (case-sensitive, RFC 9110), or -1. */
    private static int month(String v, int at) {
        for (int m = 0; m < 12; m++) {
            if (v.startsWith(MONTHS[m], at)) {
                return m + 1;
            }
        }
        return -1;
    }

    /** Returns the {@code count} ASCII digits at {@code at} as a number, or -1. */
    private static int digits(String v, int at, int count) {
        int n = 0;
        for (int i = at; i < at + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
