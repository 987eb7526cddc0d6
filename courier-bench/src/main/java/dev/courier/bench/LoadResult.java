package dev.courier.bench;

/**
 * What one load-generator window measured.
 *
 * @param requestsPerSecond completed responses per second
 * @param p99Millis         99th-percentile latency in milliseconds
 * @param errors            failed requests or non-200 responses (a window with errors is reported, not hidden)
 */
record LoadResult(double requestsPerSecond, double p99Millis, long errors) {
}
