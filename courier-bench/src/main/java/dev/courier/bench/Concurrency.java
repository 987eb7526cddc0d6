package dev.courier.bench;

/** The concurrency levels every client and server scenario runs at, so cost growth shows. */
final class Concurrency {

    /** Threads (client benchmark) or connections (server benchmark), as issue 10 asks. */
    static final int[] LEVELS = {1, 4, 16, 64};

    /** The largest level: connection pools are sized to it so no client closes connections early. */
    static final int MAX = 64;

    private Concurrency() {
    }
}
