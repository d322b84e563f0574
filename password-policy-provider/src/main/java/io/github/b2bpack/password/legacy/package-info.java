/**
 * Verify-only hash providers for imported credentials ({@code bcrypt}, {@code scrypt}, {@code argon2-phc}, {@code md5},
 * {@code sha1}); their {@code policyCheck} is always false, so the first successful login re-hashes with the realm's algorithm.
 * Glue: Keycloak SPI, cost caps and metrics over the pure {@code format}.
 */
package io.github.b2bpack.password.legacy;
