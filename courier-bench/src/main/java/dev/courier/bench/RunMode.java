package dev.courier.bench;

/**
 * How long each measurement runs: {@code quick} fits the whole suite in under 10 minutes on 2 cores,
 * {@code full} is for careful runs on a quiet machine.
 *
 * @param name          quick or full
 * @param warmupSeconds time each scenario runs unmeasured first, so the JIT has compiled the hot path
 * @param rounds        measured windows per scenario; the median is reported, min and max give the spread
 * @param roundSeconds  length of each measured window
 * @param uploadRounds  measured uploads per size for the 1 MiB and 100 MiB multipart cases
 * @param gibRounds     measured uploads of the 1 GiB file
 */
record RunMode(String name, double warmupSeconds, int rounds, double roundSeconds, int uploadRounds, int gibRounds) {

    static RunMode of(String name) {
        switch (name) {
            case "quick":
                return new RunMode("quick", 1.5, 3, 1.5, 3, 3);
            case "full":
                return new RunMode("full", 5, 5, 3, 5, 3);
            default:
                throw new IllegalArgumentException("mode must be quick or full, got " + name);
        }
    }
}
