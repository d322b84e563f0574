package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.signing.SigningKey;

import java.net.URI;
import java.util.List;

/**
 * One attempt a node has claimed, with everything needed to send it outside any transaction.
 * {@code keys} are signing keys in clear: never logged ({@link #toString()} leaves them out).
 */
record ClaimedDelivery(String id, String token, String realmId, String webhookId, URI target, byte[] body, List<SigningKey> keys, int attempt,
                       long createdAt, boolean firstAttempt) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + ", webhook " + webhookId + ", attempt " + attempt + "]";
    }
}
