/**
 * The {@code breached-password-check} authenticator: the password just submitted at login, checked against the breach corpus.
 * Glue: Keycloak's authentication SPI over the {@code hibp} policy's shared {@code lookup}.
 */
package io.github.b2bpack.hibp.authenticator;
