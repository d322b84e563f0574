package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.b2bpack.webhook.subscription.Webhook;

import java.util.List;

/**
 * A webhook in API answers. {@code signature_key} is the full key only in the answers to create and
 * rotate-secret; everywhere else it is masked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookView(
        String id,
        String name,
        @JsonProperty("target_url") String targetUrl,
        @JsonProperty("event_codes") List<String> eventCodes,
        boolean active,
        @JsonProperty("deactivated_reason") String deactivatedReason,
        @JsonProperty("signature_key") String signatureKey,
        @JsonProperty("previous_key_expires_at") String previousKeyExpiresAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static WebhookView of(Webhook w, String signatureKey, long now) {
        Long previous = w.previousKeyUntil() != null && w.previousKeyUntil() > now ? w.previousKeyUntil() : null;
        return new WebhookView(w.id(), w.name(), w.targetUrl(), w.eventCodes(), w.active(), w.deactivatedReason(), signatureKey,
                JsonTime.of(previous), JsonTime.of(w.createdAt()), JsonTime.of(w.updatedAt()));
    }
}
