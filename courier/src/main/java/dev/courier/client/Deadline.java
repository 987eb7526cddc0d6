package dev.courier.client;

import java.time.Duration;

/**
 * The total time budget of one call, redirects and retries included, read from
 * {@link System#nanoTime()} so that wall-clock jumps do not shorten or stretch it.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

    private final long endNanos;
    private final Duration total;

    private Deadline(long endNanos, Duration total) {
        this.endNanos = endNanos;
        this.total = total;
    }

    /** Returns a deadline {@code total} from now, or one that never passes when {@code total} is null. */
    public static Deadline after(Duration total) {
        return total == null ? NONE : new Deadline(System.nanoTime() + total.toNanos(), total);
    }

    /** Returns true when this deadline can pass. */
    public boolean isSet() {
        return total != null;
    }

    /** Returns the configured budget, or null when unset. */
    public Duration total() {
        return total;
    }

    /** Returns milliseconds left (at least 1 while not passed, 0 once passed), or Long.MAX_VALUE when unset. */
    public long remainingMillis() {
        if (total == null) {
            return Long.MAX_VALUE;
        }
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return Math.max(1, left / 1_000_000);
    }

    /** Throws DEADLINE when the deadline has passed. */
    public void check(boolean responseStarted) throws TransportFailure {
        if (remainingMillis() == 0) {
            throw expired(responseStarted);
        }
    }

    /** Returns the failure reported when this deadline passes. */
    public TransportFailure expired(boolean responseStarted) {
        return new TransportFailure(TransportFailure.Kind.DEADLINE, responseStarted,
                "the total deadline of " + total.toMillis() + " ms passed; raise it with Session.builder().deadline(...)",
                null);
    }

    /**
     * Returns the timeout to apply to one blocking step: the smaller of {@code stepMillis}
     * (0 means none) and what is left of the deadline.
     */
    public int bound(int stepMillis) {
        long left = remainingMillis();
        long step = stepMillis == 0 ? Long.MAX_VALUE : stepMillis;
        long t = Math.min(step, left);
        return t == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, t);
    }

    /** Returns true when the step timeout {@code stepMillis} is what {@link #bound} was limited by. */
    public boolean stepIsTighter(int stepMillis) {
        return stepMillis != 0 && stepMillis < remainingMillis();
    }
}
