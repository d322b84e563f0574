/**
 * The configured peppers (inline or vault references) and which one new hashes use.
 * Pure: no Keycloak types; the vault itself is read by the {@code hashing} glue.
 */
package io.github.b2bpack.password.hashing.pepper;
