/**
 * The outbox's SQL on the real databases, without a Keycloak server: the claim strategies proven equivalent on
 * PostgreSQL, MariaDB and H2 ({@link OutboxClaimIT}) and the query plans of the hot paths on PostgreSQL with 100,000
 * delivery rows ({@link QueryPlanIT}). Tables come from the modules' own Liquibase changelogs, the statements from
 * the production code where it writes SQL ({@code ClaimSql}).
 */
package io.github.b2bpack.it.outbox;
