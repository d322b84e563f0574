package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.format.PayloadFormat;
import java.net.URI;

/**
 * A delivery the committing node sends itself, straight after the event's transaction commits: its row
 * was written already claimed under {@code token} ({@link OutboxStore#enqueueClaimed}), so sending needs
 * no claim transaction. {@code keyVersion} changes whenever the webhook's signature keys may have;
 * {@code claimedUntil} is when that claim expires (epoch millis).
 */
public record DirectDelivery(
        String id,
        String token,
        String realmId,
        String webhookId,
        String keyVersion,
        URI target,
        byte[] body,
        PayloadFormat format,
        long createdAt,
        long claimedUntil) {

    @Override
    public String toString() {
        return "DirectDelivery[" + id + ", webhook " + webhookId + "]";
    }
}
