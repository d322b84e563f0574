package io.github.b2bpack.webhook.dispatch;

import io.github.b2bpack.webhook.retry.DeliveryState;

/**
 * What an attempt's result does to its row and webhook, ready to be written.
 *
 * @param status            the HTTP status; null when no answer arrived
 * @param error             why it failed, short and safe to show (no secrets); null on success
 * @param nextAttemptAt     when a retryable delivery is due again (epoch millis)
 * @param at                when the attempt ended
 * @param deactivateWebhook whether the webhook must stop receiving (410 Gone)
 * @param durationMillis    HTTP time of the attempt, for the metrics
 */
public record Outcome(
        Claim claim,
        DeliveryState state,
        Integer status,
        String error,
        long nextAttemptAt,
        long at,
        boolean deactivateWebhook,
        long durationMillis) {

    /** A claimed delivery that is not attempted: its webhook is gone or inactive. */
    public static Outcome cancelled(Claim claim, String reason, long at) {
        return new Outcome(claim, DeliveryState.CANCELLED, null, reason, at, at, false, 0);
    }
}
