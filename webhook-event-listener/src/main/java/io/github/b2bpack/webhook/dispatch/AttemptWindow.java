package io.github.b2bpack.webhook.dispatch;

import java.time.Duration;

/**
 * How long an attempt may take so that it ends, and its result is written, while its claim still holds. A claim
 * is a lease: once it expires another node takes the row and sends it again, so an attempt that outlives its claim
 * is a duplicate at the receiver. An attempt can start late (it waited for a sender behind others, or the node was
 * starved of CPU), so the request timeout alone does not keep it inside the lease; this window does.
 *
 * @param requestTimeout the longest any attempt may take (the {@code request-timeout} option)
 * @param recordMargin   kept free at the end of the lease for the recorder to write the result
 * @param shortest       an attempt with less time than this left is not started: its claim expires and the row
 *                       is taken again with a fresh lease
 */
public record AttemptWindow(Duration requestTimeout, Duration recordMargin, Duration shortest) {

    /**
     * The window for a node whose claims last {@code claimTimeout}: a quarter of the lease (at least 1 s) is kept for
     * the result's write, and an attempt needs at least 1 s.
     */
    public static AttemptWindow of(Duration requestTimeout, Duration claimTimeout) {
        Duration margin = claimTimeout.dividedBy(4);
        return new AttemptWindow(
                requestTimeout,
                margin.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : margin,
                Duration.ofSeconds(1));
    }

    /**
     * The timeout of an attempt starting at {@code now} under a claim that ends at {@code claimedUntil} (epoch
     * millis), or {@code null} when too little of the lease is left to start it.
     */
    public Duration timeoutAt(long now, long claimedUntil) {
        long left = claimedUntil - recordMargin.toMillis() - now;
        if (left < shortest.toMillis()) {
            return null;
        }
        return left < requestTimeout.toMillis() ? Duration.ofMillis(left) : requestTimeout;
    }
}
