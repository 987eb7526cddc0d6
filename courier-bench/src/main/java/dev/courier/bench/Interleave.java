package dev.courier.bench;

/**
 * The order in which the libraries of one scenario take their measured windows: round by round,
 * one window each, the starting library rotated.
 *
 * <p>Why: the shared 2-core machine's speed drifts over minutes (other tenants, load left over by
 * the last job), so measuring one library's rounds back to back and then the next library's lets
 * the drift land on one library and bend the ratios. Interleaving spreads every spell of the
 * machine over all libraries alike; rotating the start ({@code round r} begins at library
 * {@code r mod n}) keeps any library from always going first (just after the previous round's
 * last window) or always last.
 */
final class Interleave {

    /** One measured window. */
    interface Window {
        /** Measures library {@code lane} in round {@code round}; failures are kept by the lane, not thrown. */
        void run(int round, int lane) throws InterruptedException;
    }

    private Interleave() {
    }

    /** Returns the lane that goes {@code k}-th in round {@code round} of {@code lanes}: {@code (round + k) mod lanes}. */
    static int lane(int round, int k, int lanes) {
        return (round + k) % lanes;
    }

    /** Runs {@code rounds} rounds of one window per lane, lane {@link #lane(int, int, int)} k-th in each. */
    static void rounds(int rounds, int lanes, Window window) throws InterruptedException {
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < lanes; k++) {
                window.run(r, lane(r, k, lanes));
            }
        }
    }
}
