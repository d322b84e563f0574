package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.filter.SourceFilter;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.signing.SigningKey;
import java.util.List;
import java.util.function.Supplier;

/**
 * A webhook as the rest of the module sees it, signature keys decrypted only where needed.
 *
 * @param eventCodes exact codes or {@code *}-wildcards
 * @param publicKey          the {@code whpk_} Ed25519 public key of a v1a webhook; null for v1 (HMAC)
 * @param payloadFormat      {@code standard} or {@code cloudevents} ({@link PayloadFormat}); null reads as standard
 * @param clientIds          only events of these clients ({@link SourceFilter}); empty: any client
 * @param excludedClientIds  every event but those of these clients; empty: none excluded
 * @param environments       only events of realms whose organization environment is one of these; empty: any
 * @param rateLimitPerSecond deliveries per second at most, across the cluster; null: unlimited
 */
public record Webhook(
        String id,
        String realmId,
        String name,
        String targetUrl,
        List<String> eventCodes,
        boolean active,
        String deactivatedReason,
        long createdAt,
        long updatedAt,
        Long previousKeyUntil,
        String publicKey,
        String payloadFormat,
        List<String> clientIds,
        List<String> excludedClientIds,
        List<String> environments,
        Integer rateLimitPerSecond) {

    public Webhook {
        eventCodes = List.copyOf(eventCodes);
        payloadFormat = PayloadFormat.stored(payloadFormat).code();
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        excludedClientIds = excludedClientIds == null ? List.of() : List.copyOf(excludedClientIds);
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    public PayloadFormat format() {
        return PayloadFormat.stored(payloadFormat);
    }

    public String signatureScheme() {
        return publicKey == null ? SigningKey.V1 : SigningKey.V1A;
    }

    public boolean subscribesTo(String code) {
        return EventCodePatterns.anyMatches(eventCodes, code);
    }

    public SourceFilter sourceFilter() {
        return new SourceFilter(clientIds, excludedClientIds, environments);
    }

    /** True when any source filter is set; a webhook without one costs nothing more per event. */
    public boolean filtered() {
        return !clientIds.isEmpty() || !excludedClientIds.isEmpty() || !environments.isEmpty();
    }

    /** Whether an event whose code this webhook subscribes to passes its source filters (see {@link SourceFilter}). */
    public boolean admits(Supplier<String> clientId, Supplier<String> environment) {
        return !filtered() || sourceFilter().admits(clientId, environment);
    }
}
