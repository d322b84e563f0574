/**
 * The {@code b2bpack-magic-link} authenticator: asks for the address (or takes the user an earlier identity-first
 * step named), applies the send limits, mails the link, and on the link's return identifies the user so the flow
 * goes on to its later steps. Glue: Keycloak SPI types.
 */
package io.github.b2bpack.magiclink.authenticator;
