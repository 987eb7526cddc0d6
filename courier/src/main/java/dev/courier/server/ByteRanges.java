package dev.courier.server;

import java.util.Arrays;

/**
 * Reads a {@code Range} field (RFC 9110 §14.2) against a representation of known length.
 *
 * <p>One range is served as a 206 with that range; several as a 206 of
 * {@code multipart/byteranges} (RFC 9110 §14.6). The ranges are first put in ascending order
 * and merged where they overlap or lie less than {@link #COALESCE_GAP} bytes apart, as §14.2
 * allows, so no byte is sent twice and a header listing many overlapping ranges cannot make the
 * answer larger than the file (the amplification of CVE-2011-3192). More than
 * {@link #MAX_PARTS} parts left after merging, a header that does not parse, or another unit:
 * the whole representation is served as a 200, which §14.2 also allows ("a server MAY ignore
 * the Range header field"). When no range of a valid header can be satisfied the answer is 416.
 */
final class ByteRanges {

    /**
     * The most parts a multipart/byteranges answer has: 16. Real clients ask for a handful
     * (PDF viewers, download resumers); a request for hundreds of scattered ranges is what
     * Apache's {@code MaxRanges} (default 200) and CVE-2011-3192 are about, and gets the whole
     * file instead, which costs the server one sendfile.
     */
    static final int MAX_PARTS = 16;

    /**
     * Ranges less than 80 bytes apart are merged: about what the part head between them
     * (delimiter, Content-Type, Content-Range) would cost, so merging never sends more.
     */
    static final int COALESCE_GAP = 80;

    enum Kind {
        /** Serve the whole representation with 200. */
        FULL,
        /** Serve {@link #first()}..{@link #last()} with 206. */
        SINGLE,
        /** Serve {@link #count()} ranges, ascending and apart, as multipart/byteranges with 206. */
        MULTIPLE,
        /** Answer 416 with {@code Content-Range: bytes *}{@code /length}. */
        UNSATISFIABLE
    }

    private static final ByteRanges FULL = new ByteRanges(Kind.FULL, new long[0]);
    private static final ByteRanges UNSATISFIABLE = new ByteRanges(Kind.UNSATISFIABLE, new long[0]);

    private final Kind kind;
    /** first, last (inclusive) of each range, in order. */
    private final long[] bounds;

    private ByteRanges(Kind kind, long[] bounds) {
        this.kind = kind;
        this.bounds = bounds;
    }

    Kind kind() {
        return kind;
    }

    /** Returns the number of ranges: 1 for SINGLE, 2 to {@link #MAX_PARTS} for MULTIPLE. */
    int count() {
        return bounds.length / 2;
    }

    /** Returns the first byte position of range {@code i}. */
    long first(int i) {
        return bounds[2 * i];
    }

    /** Returns the last byte position (inclusive) of range {@code i}. */
    long last(int i) {
        return bounds[2 * i + 1];
    }

    /** Returns the first byte position of a SINGLE range. */
    long first() {
        return first(0);
    }

    /** Returns the last byte position (inclusive) of a SINGLE range. */
    long last() {
        return last(0);
    }

    /** Returns the number of bytes in a SINGLE range. */
    long length() {
        return last(0) - first(0) + 1;
    }

    /**
     * Returns the decision for {@code value} (the Range field) and a representation of
     * {@code length} bytes: {@code bytes=0-99}, {@code bytes=-500} (the last 500) and
     * {@code bytes=9500-} (from 9500 to the end) are single ranges; a last position past the
     * end is cut to the end; several comma-separated ranges are ordered and merged (see the
     * class comment). An empty representation is always served whole.
     */
    static ByteRanges parse(String value, long length) {
        if (value == null || length <= 0) {
            return FULL;
        }
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).trim().equalsIgnoreCase("bytes")) {
            return FULL;
        }
        int n = value.length();
        int i = eq + 1;
        int specs = 0;
        // Bounded by the field's length, which the header limits bound.
        long[] found = new long[8];
        int satisfiable = 0;
        while (i < n) {
            int end = value.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            String spec = value.substring(i, end).trim();
            i = end + 1;
            if (spec.isEmpty()) {
                continue; // empty list elements are allowed by the #rule (RFC 9110 §5.6.1)
            }
            specs++;
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return FULL;
            }
            long a;
            long b;
            if (dash == 0) {
                long suffix = number(spec, 1, spec.length());
                if (suffix < 0) {
                    return FULL;
                }
                if (suffix == 0) {
                    continue; // a zero-length suffix is unsatisfiable (§14.1.1)
                }
                a = Math.max(0, length - suffix);
                b = length - 1;
            } else {
                a = number(spec, 0, dash);
                b = dash == spec.length() - 1 ? Long.MAX_VALUE : number(spec, dash + 1, spec.length());
                if (a < 0 || b < 0 || b < a) {
                    return FULL; // last-pos before first-pos makes the whole field invalid (§14.1.1)
                }
                if (a >= length) {
                    continue;
                }
                b = Math.min(b, length - 1);
            }
            if (2 * satisfiable + 2 > found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[2 * satisfiable] = a;
            found[2 * satisfiable + 1] = b;
            satisfiable++;
        }
        if (specs == 0) {
            return FULL;
        }
        if (satisfiable == 0) {
            return UNSATISFIABLE;
        }
        if (specs == 1) {
            return new ByteRanges(Kind.SINGLE, new long[] {found[0], found[1]});
        }
        long[] merged = coalesce(found, satisfiable);
        if (merged.length == 2) {
            return new ByteRanges(Kind.SINGLE, merged);
        }
        return merged.length / 2 <= MAX_PARTS ? new ByteRanges(Kind.MULTIPLE, merged) : FULL;
    }

    /** Returns the {@code count} ranges in {@code bounds} ascending, with overlapping and near ones merged. */
    private static long[] coalesce(long[] bounds, int count) {
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Long.compare(bounds[2 * x], bounds[2 * y]));
        long[] out = new long[2 * count];
        int m = 0;
        for (int k = 0; k < count; k++) {
            long a = bounds[2 * order[k]];
            long b = bounds[2 * order[k] + 1];
            if (m > 0 && a - out[2 * m - 1] - 1 < COALESCE_GAP) {
                out[2 * m - 1] = Math.max(out[2 * m - 1], b);
            } else {
                out[2 * m] = a;
                out[2 * m + 1] = b;
                m++;
            }
        }
        return Arrays.copyOf(out, 2 * m);
    }

    /** Returns the decimal at {@code s[from, to)}, saturated at Long.MAX_VALUE; -1 if not all digits. */
    private static long number(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public String toString() {
        if (kind != Kind.SINGLE && kind != Kind.MULTIPLE) {
            return kind.toString();
        }
        StringBuilder sb = new StringBuilder("bytes ");
        for (int k = 0; k < count(); k++) {
            sb.append(k == 0 ? "" : ",").append(first(k)).append('-').append(last(k));
        }
        return sb.toString();
    }
}
