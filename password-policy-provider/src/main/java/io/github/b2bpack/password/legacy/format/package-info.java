/**
 * Pure parsing and verification of imported legacy password hashes (bcrypt, scrypt and argon2 PHC
 * strings, salted MD5/SHA-1 digests), with no Keycloak dependency. Every parser returns an empty
 * {@code Optional} for a malformed hash and every verifier compares in constant time.
 */
package io.github.b2bpack.password.legacy.format;
