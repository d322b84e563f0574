/**
 * Glue: the webhook tables (entities, Liquibase changelog, the JPA entity provider) and {@link Jpa}, the one way
 * the stores reach the session's entity manager and find a realm's rows by id.
 */
package io.github.b2bpack.webhook.jpa;
