package io.github.b2bpack.webhook;

import io.github.b2bpack.webhook.config.WebhookSettings;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.outbox.OutboxDrainer;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SecretCipher;

/**
 * What one Keycloak node runs for webhooks, created by the {@code webhooks} listener factory and shared
 * with the admin REST resources: settings, the at-rest cipher (null when no key: fail closed), the
 * drainer, the meters and the node's copy of each realm's active webhooks (kept valid through the realm
 * cache, see {@link ActiveWebhooks}). Deliveries live only in the database.
 */
public record WebhookRuntime(
        WebhookSettings settings,
        SecretCipher cipher,
        OutboxDrainer drainer,
        WebhookMetrics metrics,
        ActiveWebhooks subscriptions) {}
