package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.b2bpack.webhook.subscription.Webhook;
import java.util.List;

/**
 * A webhook as its admin events record it: what an auditor needs to see what changed, and no key at all
 * (neither the v1 secret, masked or not, nor the v1a public key, so no event can ever carry key material).
 */
record WebhookAudit(
        String id,
        String name,
        @JsonProperty("target_url") String targetUrl,
        @JsonProperty("event_codes") List<String> eventCodes,
        boolean active,
        @JsonProperty("signature_scheme") String signatureScheme,
        @JsonProperty("payload_format") String payloadFormat,
        @JsonProperty("client_ids") List<String> clientIds,
        @JsonProperty("excluded_client_ids") List<String> excludedClientIds,
        @JsonProperty("environments") List<String> environments,
        @JsonProperty("rate_limit_per_second") Integer rateLimitPerSecond) {

    static WebhookAudit of(Webhook w) {
        return new WebhookAudit(
                w.id(),
                w.name(),
                w.targetUrl(),
                w.eventCodes(),
                w.active(),
                w.signatureScheme(),
                w.payloadFormat(),
                w.clientIds(),
                w.excludedClientIds(),
                w.environments(),
                w.rateLimitPerSecond());
    }
}
