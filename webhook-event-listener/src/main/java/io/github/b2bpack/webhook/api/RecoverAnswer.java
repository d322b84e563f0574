package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a recover call: how many discarded deliveries it queued again, whether older ones remain in the
 * window (call again with the same {@code since}), the window it used and the most one call queues.
 */
record RecoverAnswer(
        @JsonProperty("webhook_id") String webhookId,
        int queued,
        @JsonProperty("more_remaining") boolean moreRemaining,
        String since,
        @JsonProperty("max_count") int maxCount) {}
