/**
 * Pure: what an operator may ask of recovery and of the events API's time filters: the bounds of one recover call
 * ({@link RecoverBounds}: how far back, how many rows), the times clients write ({@link Timestamps}: RFC 3339 or
 * epoch seconds) and why a request is refused ({@link RecoverProblem}). No Keycloak imports, unit-tested.
 */
package io.github.b2bpack.webhook.recover;
