package io.github.b2bpack.webhook.recover;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds of one recover call, from the server options {@code recover-max-window} and {@code recover-max-count}:
 * {@code since} at most {@code maxWindow} ago, at most {@code maxCount} deliveries re-queued. They keep one call by a
 * tenant admin from re-queuing a realm's whole history at once (the database work and the burst on the receiver grow
 * with the count); more rows are recovered by calling again.
 */
public record RecoverBounds(Duration maxWindow, int maxCount) {

    /** Ids held in memory by one call; past this one call's UPDATEs and the burst they start are too large. */
    public static final int MAX_COUNT_LIMIT = 100_000;

    public RecoverBounds {
        if (maxWindow.isZero() || maxWindow.isNegative()) {
            throw new IllegalArgumentException("recover-max-window must be longer than 0");
        }
        if (maxCount < 1 || maxCount > MAX_COUNT_LIMIT) {
            throw new IllegalArgumentException("recover-max-count must be from 1 to " + MAX_COUNT_LIMIT);
        }
    }

    /**
     * Why {@code since} cannot be recovered from at {@code now}; null when it can. {@code since} equal to {@code now}
     * is allowed (it recovers nothing yet), one millisecond later is in the future.
     */
    public RecoverProblem check(Instant since, Instant now) {
        if (since.isAfter(now)) {
            return RecoverProblem.invalid("since is in the future (the server's time is " + now + ")");
        }
        if (Duration.between(since, now).compareTo(maxWindow) > 0) {
            return new RecoverProblem(
                    RecoverProblem.WINDOW_TOO_LARGE,
                    "since is more than " + text(maxWindow) + " ago, the longest window one call may recover"
                            + " (server option spi-events-listener--webhooks--recover-max-window); recover a later time");
        }
        return null;
    }

    /** {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s} or {@code 1500ms}: as the option is written. */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
