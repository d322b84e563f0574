/**
 * The breach lookup's Micrometer meters, {@code b2bpack_hibp_*} on the management {@code /metrics} endpoint.
 * Pure: no Keycloak types (the registry is handed in).
 */
package io.github.b2bpack.hibp.metrics;
