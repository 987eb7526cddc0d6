package dev.courier.bench;

import java.util.Arrays;

/**
 * The median of several measured rounds and their spread.
 *
 * @param median the middle value (mean of the two middle ones for an even count)
 * @param min    the smallest round
 * @param max    the largest round
 * @param rounds every round, in the order measured
 */
record Stats(double median, double min, double max, double[] rounds) {

    static Stats of(double... rounds) {
        if (rounds.length == 0) {
            throw new IllegalArgumentException("no rounds measured");
        }
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], rounds.clone());
    }

    /** Returns (max - min) / median: 0.05 means the rounds lay within 5 % of the median. */
    double spread() {
        return median == 0 ? 0 : (max - min) / median;
    }
}
