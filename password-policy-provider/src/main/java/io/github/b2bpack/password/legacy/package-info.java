/**
 * Verify-only password hash providers for credentials imported from other systems ({@code bcrypt},
 * {@code scrypt}, {@code argon2-phc}, {@code md5}, {@code sha1}). They never encode and their
 * {@code policyCheck} is always false, so Keycloak's {@code PasswordCredentialProvider} re-hashes the
 * password with the realm's policy algorithm at the first successful login and the legacy hash is gone.
 * The hash formats themselves live in {@code format}, free of Keycloak classes.
 */
package io.github.b2bpack.password.legacy;
