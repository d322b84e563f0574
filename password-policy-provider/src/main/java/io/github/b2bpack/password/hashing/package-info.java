/**
 * The {@code argon2-native} password hash provider, Keycloak's {@code argon2} credential layout and the pepper vault reader.
 * Glue: Keycloak SPI over the pure {@code nativelib} (hashing, costs, limits) and {@code pepper} (pepper configuration).
 */
package io.github.b2bpack.password.hashing;
