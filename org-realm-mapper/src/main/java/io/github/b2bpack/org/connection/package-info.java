/**
 * Pure, no Keycloak types: an organization's password, TOTP and magic-link connections (Cryptr's
 * {@code PasswordConnection}, {@code TotpConnection}, {@code MagicLinkConnection}) as values read from the realm, and
 * the reading and checking of a change to one of them. A refusal is an {@code OrganizationException} (400 with its
 * code); nothing here decides where in the realm a setting lives.
 */
package io.github.b2bpack.org.connection;
