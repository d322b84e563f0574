/**
 * Pure (Micrometer, no org.keycloak import): the webhook meters Keycloak exposes on its management
 * {@code /metrics} endpoint.
 */
package io.github.b2bpack.webhook.metrics;
