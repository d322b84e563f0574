package io.github.b2bpack.webhook.outbox;

import java.net.URI;
import java.util.List;

/**
 * One attempt a node has claimed, with everything needed to send it outside any transaction.
 * {@code keys} are raw HMAC keys: never logged ({@link #toString()} leaves them out).
 */
record ClaimedDelivery(String id, String token, String webhookId, URI target, byte[] body, List<byte[]> keys, int attempt,
                       long createdAt, boolean firstAttempt) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + ", webhook " + webhookId + ", attempt " + attempt + "]";
    }
}
