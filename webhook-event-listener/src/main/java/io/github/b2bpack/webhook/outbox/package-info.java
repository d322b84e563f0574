/**
 * Glue: the outbox in the database ({@link OutboxStore}) and the {@link OutboxDrainer} that ties it to the dispatcher:
 * the claim transaction, results written under their claim, the scheduled sweep and the retention purge.
 */
package io.github.b2bpack.webhook.outbox;
