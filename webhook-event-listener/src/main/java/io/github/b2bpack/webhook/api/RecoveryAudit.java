package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recover call as its admin event records it (the event's representation, which Keycloak stores and returns;
 * the same facts are also the event's details for listeners): which webhook, since when, how many deliveries were
 * queued again and whether older ones remain.
 */
record RecoveryAudit(
        @JsonProperty("b2bpack_event") String packEvent,
        WebhookAudit webhook,
        String since,
        int queued,
        @JsonProperty("more_remaining") boolean moreRemaining) {}
