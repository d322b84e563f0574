/**
 * The {@code hibp(N)} password policy and its factory, owner of the server's one breach lookup and its SPI options.
 * Glue: Keycloak's password policy SPI over the pure {@code lookup}, {@code range} and {@code offline}.
 */
package io.github.b2bpack.hibp.policy;
