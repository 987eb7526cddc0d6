package dev.courier.server;

/** Parses a decimal path or query parameter without exceptions from the JDK leaking to a client. */
final class DecimalParam {

    private DecimalParam() {
    }

    /**
     * Returns {@code value} as a number in {@code [min, max]}: an optional {@code -} or
     * {@code +} and 1 to 19 ASCII digits, nothing else (no spaces, no {@code 1e3}, no
     * non-ASCII digits, which {@code Long.parseLong} would accept).
     *
     * @throws AbortException 400 naming parameter {@code name}, quoting the value and the
     *     expected {@code type}
     */
    static long parse(String name, String value, long min, long max, String type) {
        int n = value.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
            negative = value.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 19) {
            throw bad(name, value, type, min, max);
        }
        // Accumulate negatively so that Long.MIN_VALUE is reachable without overflow.
        long acc = 0;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(name, value, type, min, max);
            }
            int d = c - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) {
                throw bad(name, value, type, min, max);
            }
            acc = acc * 10 - d;
        }
        if (!negative && acc == Long.MIN_VALUE) {
            throw bad(name, value, type, min, max);
        }
        long result = negative ? acc : -acc;
        if (result < min || result > max) {
            throw bad(name, value, type, min, max);
        }
        return result;
    }

    private static AbortException bad(String name, String value, String type, long min, long max) {
        return new AbortException(400, "path parameter " + Escape.quote(name) + " must be a decimal " + type
                + " between " + min + " and " + max + ", got " + Escape.quote(value));
    }
}
