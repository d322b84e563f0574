/**
 * The {@code webhooks} event listener: Keycloak events delivered as signed Standard Webhooks through a durable outbox.
 * Pure (no org.keycloak import): {@link WebhookRuntime}, what one node runs for webhooks, holds the glue of the packages below.
 */
package io.github.b2bpack.webhook;
