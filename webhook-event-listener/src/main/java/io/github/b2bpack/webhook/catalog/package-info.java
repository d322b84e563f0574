/**
 * Pure: the event catalog ({@code GET /admin/realms/{realm}/webhook-event-types}). {@link EventCatalog} lists every
 * event code the pack can emit from the names Keycloak's enums give it (the glue in {@code api} passes them in), with
 * the pack's own events ({@link PackEvents}) and the wildcard families; {@link PayloadSchemas} is the JSON Schema of
 * each payload, written next to what {@code event.WebhookPayloads} builds and held to it by a unit test that
 * validates real payloads (with {@code additionalProperties: false}, a new field without its schema fails it).
 * No Keycloak imports.
 */
package io.github.b2bpack.webhook.catalog;
