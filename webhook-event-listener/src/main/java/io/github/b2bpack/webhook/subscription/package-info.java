/**
 * Glue: webhooks in the database ({@link WebhookStore}), their keys encrypted at rest ({@link SecretCipher}), and
 * the per-node copies of each realm's active webhooks and each webhook's keys, kept valid by a realm attribute.
 */
package io.github.b2bpack.webhook.subscription;
