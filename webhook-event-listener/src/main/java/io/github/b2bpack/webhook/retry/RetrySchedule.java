package io.github.b2bpack.webhook.retry;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to try again: a Svix-like schedule of delays after the immediate first attempt (default
 * {@code 5s, 5m, 30m, 2h, 5h, 10h, 10h}), each spread by ±{@code jitter} so that receivers coming back
 * up are not hit by every queued event at once. The last delay repeats when there are more attempts
 * than delays. Pure: the random source is passed in.
 *
 * @param delays      delay before attempt 2, 3, …
 * @param jitter      fraction in [0, 1): each delay is multiplied by a uniform factor in [1 - jitter, 1 + jitter]
 * @param maxAttempts attempts before a delivery is discarded
 */
public record RetrySchedule(List<Duration> delays, double jitter, int maxAttempts) {

    public static final List<Duration> SVIX = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    /** A Retry-After beyond this is not honoured literally: the receiver gets the cap instead. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("retry schedule needs at least one delay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("max attempts must be in [1, 100]");
        }
    }

    /** Delay before the attempt that follows attempt number {@code attemptsMade} (1-based). */
    public Duration delayAfter(int attemptsMade, RandomGenerator random) {
        Duration base = delays.get(Math.min(Math.max(attemptsMade, 1), delays.size()) - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    public boolean isExhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }
}
