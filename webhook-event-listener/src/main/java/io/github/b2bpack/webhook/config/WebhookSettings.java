package io.github.b2bpack.webhook.config;

import io.github.b2bpack.webhook.claim.ClaimMode;
import io.github.b2bpack.webhook.delivery.AddressPolicy;
import io.github.b2bpack.webhook.recover.RecoverBounds;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import java.time.Duration;

/**
 * Server-wide settings of the {@code webhooks} event listener, read once from its SPI options ({@link WebhookOptions}).
 *
 * @param encryptionKeys   AES keys (current, and previous by key id) that encrypt signature keys at rest; null when not configured
 * @param addressPolicy    which resolved addresses a delivery may connect to (SSRF guard)
 * @param retrySchedule    delays between attempts, with jitter, and the attempt limit
 * @param sweepInterval    how often every node looks for due deliveries besides the post-commit kick
 * @param connectTimeout   TCP connect timeout of one attempt
 * @param requestTimeout   total time one attempt may take, connect to last byte
 * @param concurrency      parallel attempts per node
 * @param batchSize        deliveries claimed per claim transaction
 * @param claimTimeout     after this, an attempt claimed by a node that died is claimed again
 * @param secretGracePeriod how long a rotated-out signature key keeps signing beside the new one
 * @param keepCompleted    retention of completed deliveries
 * @param keepDiscarded    retention of discarded and cancelled deliveries
 * @param recoverBounds    how far back and how many discarded deliveries one recover call may re-queue
 * @param purgeInterval    how often the retention purge runs
 * @param maxRepresentationChars admin representations longer than this are left out of payloads
 * @param maxWebhooksPerRealm    webhooks one realm may have
 * @param maxInFlightPerRealm    attempts of one realm in flight on one node at a time (fair share of the senders)
 * @param claimMode              how due deliveries are claimed: from the database, or forced
 * @param disableAfter           a webhook whose every attempt failed for this long is disabled
 */
public record WebhookSettings(
        EncryptionKeys encryptionKeys,
        AddressPolicy addressPolicy,
        RetrySchedule retrySchedule,
        Duration sweepInterval,
        Duration connectTimeout,
        Duration requestTimeout,
        int concurrency,
        int batchSize,
        Duration claimTimeout,
        Duration secretGracePeriod,
        Duration keepCompleted,
        Duration keepDiscarded,
        RecoverBounds recoverBounds,
        Duration purgeInterval,
        int maxRepresentationChars,
        int maxWebhooksPerRealm,
        int maxInFlightPerRealm,
        ClaimMode claimMode,
        Duration disableAfter) {

    public WebhookSettings {
        if (maxInFlightPerRealm < 1) {
            throw new IllegalArgumentException("max-in-flight-per-realm must be at least 1");
        }
        if (maxWebhooksPerRealm < 1) {
            throw new IllegalArgumentException("max-webhooks-per-realm must be at least 1");
        }
        if (concurrency < 1 || batchSize < 1) {
            throw new IllegalArgumentException("concurrency and batch-size must be at least 1");
        }
        if (sweepInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("sweep-interval must be at least 100ms");
        }
        if (requestTimeout.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException(
                    "claim-timeout must exceed request-timeout, or a slow attempt would be claimed twice");
        }
    }

    @Override
    public String toString() {
        // Never print the key.
        return "WebhookSettings[encryptionKeys=" + (encryptionKeys == null ? "absent" : encryptionKeys)
                + ", addressPolicy=" + addressPolicy
                + ", retrySchedule=" + retrySchedule + ", sweepInterval=" + sweepInterval + ", concurrency="
                + concurrency
                + ", maxWebhooksPerRealm=" + maxWebhooksPerRealm + ", claimMode=" + claimMode.code()
                + ", disableAfter=" + disableAfter + "]";
    }
}
