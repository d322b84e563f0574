/**
 * Pure: how a drain pass claims due outbox rows in SQL. {@link ClaimSql} holds the statements (the ones the server runs
 * and the ones the equivalence test runs on PostgreSQL, MariaDB and H2), {@link ClaimStrategy} the two ways to claim
 * and {@link ClaimMode} the operator's choice between them ({@code claim-strategy}).
 */
package io.github.b2bpack.webhook.claim;
