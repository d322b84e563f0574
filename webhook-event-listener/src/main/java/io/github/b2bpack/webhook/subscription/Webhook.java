package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.signing.SigningKey;
import java.util.List;

/**
 * A webhook as the rest of the module sees it, signature keys decrypted only where needed.
 *
 * @param eventCodes exact codes or {@code *}-wildcards
 * @param publicKey  the {@code whpk_} Ed25519 public key of a v1a webhook; null for v1 (HMAC)
 * @param payloadFormat {@code standard} or {@code cloudevents} ({@link PayloadFormat}); null reads as standard
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
        String payloadFormat) {

    public Webhook {
        eventCodes = List.copyOf(eventCodes);
        payloadFormat = PayloadFormat.stored(payloadFormat).code();
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
}
