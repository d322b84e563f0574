package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.b2bpack.webhook.signing.SigningSecret;
import io.github.b2bpack.webhook.subscription.Webhook;
import java.util.List;

/**
 * A webhook in API answers. For v1, {@code signature_key} is the full HMAC secret only in the answers to
 * create and rotate-secret (and to an update that switches the scheme); everywhere else it is masked.
 * For v1a, {@code public_key} is the Ed25519 verification key and there is no {@code signature_key}:
 * the private key never leaves the server. {@code failing_since} is set while every attempt since then failed; an
 * update that re-enables a webhook the pack disabled ({@code deactivated_reason auto_disabled}) also answers
 * {@code recover}: since when deliveries were discarded, and where to re-queue them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookView(
        String id,
        String name,
        @JsonProperty("target_url") String targetUrl,
        @JsonProperty("event_codes") List<String> eventCodes,
        boolean active,
        @JsonProperty("deactivated_reason") String deactivatedReason,
        @JsonProperty("signature_scheme") String signatureScheme,
        @JsonProperty("signature_key") String signatureKey,
        @JsonProperty("public_key") String publicKey,
        @JsonProperty("payload_format") String payloadFormat,
        @JsonProperty("previous_key_expires_at") String previousKeyExpiresAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("client_ids") List<String> clientIds,
        @JsonProperty("excluded_client_ids") List<String> excludedClientIds,
        @JsonProperty("environments") List<String> environments,
        // Shown as null when unlimited, so a client sees the field either way.
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("rate_limit_per_second")
        Integer rateLimitPerSecond,

        @JsonProperty("failing_since") String failingSince,
        RecoverHint recover) {

    /** Where to recover what an auto-disabled webhook's receiver missed: {@code POST path {"since": since}}. */
    record RecoverHint(String since, String path) {}

    /** @param signatureKey the v1 secret to show (create, rotate) or null for the masked form */
    static WebhookView of(Webhook w, String signatureKey, long now) {
        return of(w, signatureKey, now, null, null);
    }

    /**
     * @param failingSince when the running failing period of its endpoint began; null when healthy
     * @param recover      the recovery hint of a re-enabled webhook; null otherwise
     */
    static WebhookView of(Webhook w, String signatureKey, long now, Long failingSince, RecoverHint recover) {
        Long previous = w.previousKeyUntil() != null && w.previousKeyUntil() > now ? w.previousKeyUntil() : null;
        String shownSecret =
                w.publicKey() != null ? null : signatureKey != null ? signatureKey : SigningSecret.mask(null);
        return new WebhookView(
                w.id(),
                w.name(),
                w.targetUrl(),
                w.eventCodes(),
                w.active(),
                w.deactivatedReason(),
                w.signatureScheme(),
                shownSecret,
                w.publicKey(),
                w.payloadFormat(),
                JsonTime.of(previous),
                JsonTime.of(w.createdAt()),
                JsonTime.of(w.updatedAt()),
                w.clientIds(),
                w.excludedClientIds(),
                w.environments(),
                w.rateLimitPerSecond(),
                JsonTime.of(failingSince),
                recover);
    }
}
