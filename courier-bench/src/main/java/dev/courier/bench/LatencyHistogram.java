package dev.courier.bench;

/**
 * Counts of latencies in microseconds, log-linear buckets: exact below 64 µs, then 32 buckets per
 * power of two (about 3 % resolution), up to 2^40 µs. Recording is one array increment, no
 * allocation; one histogram per load-generator thread, merged at the end.
 */
final class LatencyHistogram {

    private static final int LINEAR = 64;
    private static final int SUB_BUCKETS = 32;
    private static final int MAX_EXPONENT = 40;

    private final long[] counts = new long[LINEAR + (MAX_EXPONENT - 6 + 1) * SUB_BUCKETS];
    private long total;

    void record(long micros) {
        counts[index(Math.max(0, Math.min(micros, (1L << MAX_EXPONENT) - 1)))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** Returns the latency in microseconds below which {@code fraction} of the recordings fall. */
    double percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && counts[i] > 0) {
                return lowerBound(i) + bucketWidth(i) / 2.0;
            }
        }
        return 0;
    }

    private static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >> (exponent - 5)) & (SUB_BUCKETS - 1));
        return LINEAR + (exponent - 6) * SUB_BUCKETS + sub;
    }

    private static long lowerBound(int i) {
        if (i < LINEAR) {
            return i;
        }
        int exponent = (i - LINEAR) / SUB_BUCKETS + 6;
        int sub = (i - LINEAR) % SUB_BUCKETS;
        return (long) (SUB_BUCKETS + sub) << (exponent - 5);
    }

    private static long bucketWidth(int i) {
        return i < LINEAR ? 1 : 1L << ((i - LINEAR) / SUB_BUCKETS + 1);
    }
}
