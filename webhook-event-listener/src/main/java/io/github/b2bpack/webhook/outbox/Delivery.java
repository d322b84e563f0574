package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.retry.DeliveryState;

/** One outbox row as the events API shows it (payload separately, on request). */
public record Delivery(
        String id,
        String realmId,
        String webhookId,
        String eventCode,
        DeliveryState state,
        int attempts,
        Integer lastStatus,
        String lastError,
        long createdAt,
        Long firstAttemptAt,
        Long lastAttemptAt,
        long nextAttemptAt,
        Long finishedAt) {}
