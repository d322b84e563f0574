/**
 * Glue: the event listener that writes one outbox row per matching webhook in the event's transaction, its factory,
 * and the payloads and event codes (pure helpers {@link EventCodes} and {@link Redaction} beside them).
 */
package io.github.b2bpack.webhook.event;
