package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.webhook.outbox.Delivery;

/** A webhook event (one delivery) in API answers; {@code id} is the {@code webhook-id} receivers see. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(
        String id,
        @JsonProperty("webhook_id") String webhookId,
        @JsonProperty("event_code") String eventCode,
        String state,
        int attempts,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("last_status") Integer lastStatus,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("first_attempt_at") String firstAttemptAt,
        @JsonProperty("last_attempt_at") String lastAttemptAt,
        @JsonProperty("next_attempt_at") String nextAttemptAt,
        @JsonProperty("finished_at") String finishedAt,
        JsonNode payload) {

    static DeliveryView of(Delivery d, int maxAttempts, JsonNode payload) {
        boolean waiting = d.state() != null && !d.state().isFinal();
        return new DeliveryView(
                d.id(),
                d.webhookId(),
                d.eventCode(),
                d.state() == null ? null : d.state().code(),
                d.attempts(),
                maxAttempts,
                d.lastStatus(),
                d.lastError(),
                JsonTime.of(d.createdAt()),
                JsonTime.of(d.firstAttemptAt()),
                JsonTime.of(d.lastAttemptAt()),
                waiting ? JsonTime.of(d.nextAttemptAt()) : null,
                JsonTime.of(d.finishedAt()),
                payload);
    }
}
