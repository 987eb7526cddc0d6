package dev.courier.server;

/**
 * Reads a {@code Range} field (RFC 9110 §14.2) against a representation of known length.
 *
 * <p>Courier serves one range as a 206; a request for several ranges gets the whole
 * representation as a 200 instead of {@code multipart/byteranges}, which RFC 9110 §14.2 allows
 * ("a server MAY ignore the Range header field") and which avoids the many-small-ranges
 * amplification of CVE-2011-3192. A header that does not parse, or names another unit, is
 * ignored the same way. When no range of a valid header can be satisfied the answer is 416.
 */
final class ByteRanges {

    enum Kind {
        /** Serve the whole representation with 200. */
        FULL,
        /** Serve {@link #first()}..{@link #last()} with 206. */
        SINGLE,
        /** Answer 416 with {@code Content-Range: bytes *}{@code /length}. */
        UNSATISFIABLE
    }

    private static final ByteRanges FULL = new ByteRanges(Kind.FULL, 0, -1);
    private static final ByteRanges UNSATISFIABLE = new ByteRanges(Kind.UNSATISFIABLE, 0, -1);

    private final Kind kind;
    private final long first;
    private final long last;

    private ByteRanges(Kind kind, long first, long last) {
        this.kind = kind;
        this.first = first;
        this.last = last;
    }

    Kind kind() {
        return kind;
    }

    /** Returns the first byte position of a SINGLE range. */
    long first() {
        return first;
    }

    /** Returns the last byte position (inclusive) of a SINGLE range. */
    long last() {
        return last;
    }

    /** Returns the number of bytes in a SINGLE range. */
    long length() {
        return last - first + 1;
    }

    /**
     * Returns the decision for {@code value} (the Range field) and a representation of
     * {@code length} bytes: {@code bytes=0-99}, {@code bytes=-500} (the last 500) and
     * {@code bytes=9500-} (from 9500 to the end) are single ranges; a last position past the
     * end is cut to the end. An empty representation is always served whole.
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
        int satisfiable = 0;
        long first = 0;
        long last = 0;
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
            satisfiable++;
            first = a;
            last = b;
        }
        if (specs == 0) {
            return FULL;
        }
        if (satisfiable == 0) {
            return UNSATISFIABLE;
        }
        return specs == 1 ? new ByteRanges(Kind.SINGLE, first, last) : FULL;
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
        return kind == Kind.SINGLE ? "bytes " + first + "-" + last : kind.toString();
    }
}
