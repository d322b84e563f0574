/**
 * Glue: the admin REST resources {@code /admin/realms/{realm}/webhooks} and {@code /webhook-events}, their JSON
 * views and request parsing; they reach the database only through the stores, never through JPA entities.
 */
package io.github.b2bpack.webhook.api;
