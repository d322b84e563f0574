/**
 * A password's breach count from the offline index and/or the range API: per-prefix cache, single-flight, upstream budget, verdicts.
 * Pure: no Keycloak types (Caffeine and JBoss Logging only).
 */
package io.github.b2bpack.hibp.lookup;
