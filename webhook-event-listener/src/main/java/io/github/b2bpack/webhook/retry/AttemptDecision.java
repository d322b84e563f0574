package io.github.b2bpack.webhook.retry;

import io.github.b2bpack.webhook.delivery.DeliveryResult;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What one attempt's result means for its delivery and its webhook. Pure, so every rule is unit-tested:
 * 2xx completes; 410 Gone discards and deactivates the webhook; anything else (3xx included, timeouts
 * and refused connections too) retries after the schedule's delay, or after {@code Retry-After} when
 * the receiver sent one with 429 or 503 and it is longer; the last allowed attempt discards.
 *
 * @param state              the delivery's next state
 * @param retryIn            delay before the next attempt when {@code state} is retryable
 * @param deactivateWebhook  whether the webhook must stop receiving (410)
 */
public record AttemptDecision(DeliveryState state, Duration retryIn, boolean deactivateWebhook) {

    public static AttemptDecision decide(
            DeliveryResult result, int attemptsMade, RetrySchedule schedule, RandomGenerator random) {
        int status = result.status();
        if (status >= 200 && status < 300) {
            return new AttemptDecision(DeliveryState.COMPLETED, null, false);
        }
        if (status == 410) {
            return new AttemptDecision(DeliveryState.DISCARDED, null, true);
        }
        if (schedule.isExhausted(attemptsMade)) {
            return new AttemptDecision(DeliveryState.DISCARDED, null, false);
        }
        Duration delay = schedule.delayAfter(attemptsMade, random);
        if ((status == 429 || status == 503) && result.retryAfter() != null) {
            Duration asked = result.retryAfter().compareTo(RetrySchedule.MAX_RETRY_AFTER) > 0
                    ? RetrySchedule.MAX_RETRY_AFTER
                    : result.retryAfter();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return new AttemptDecision(DeliveryState.RETRYABLE, delay, false);
    }
}
