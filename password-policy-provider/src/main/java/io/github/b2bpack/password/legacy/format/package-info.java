/**
 * Parsing and constant-time verification of imported hashes (bcrypt, scrypt and argon2 PHC strings, salted MD5/SHA-1);
 * a malformed or over-cap hash is a {@link io.github.b2bpack.password.legacy.format.HashRejected}.
 * Pure: no Keycloak types.
 */
package io.github.b2bpack.password.legacy.format;
