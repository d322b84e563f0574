/**
 * Pure: the body formats a webhook can receive ({@link PayloadFormat}: {@code standard}, {@code cloudevents}) and
 * the CloudEvents 1.0 structured-mode envelope ({@link CloudEventEnvelope}). No Keycloak imports, unit-tested.
 */
package io.github.b2bpack.webhook.format;
