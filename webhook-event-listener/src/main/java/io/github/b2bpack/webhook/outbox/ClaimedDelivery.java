package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.dispatch.Claim;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.signing.SigningKey;
import java.net.URI;
import java.util.List;

/**
 * One attempt this node holds, with everything needed to send it outside any transaction.
 * {@code keys} are signing keys in clear: never logged ({@link #toString()} leaves them out).
 *
 * @param createdAt when the event's row was written: the first attempt's delay is measured from it
 */
record ClaimedDelivery(
        Claim claim, URI target, byte[] body, PayloadFormat format, List<SigningKey> keys, long createdAt) {

    boolean firstAttempt() {
        return claim.attempt() == 1;
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[" + claim.id() + ", webhook " + claim.webhookId() + ", attempt " + claim.attempt()
                + "]";
    }
}
