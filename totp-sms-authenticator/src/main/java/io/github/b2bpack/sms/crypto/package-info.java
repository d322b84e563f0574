/**
 * SHA-256 and HMAC-SHA256 from the JDK, set up in one place for code hashes, phone digests and gateway signatures.
 * Pure: no Keycloak types.
 */
package io.github.b2bpack.sms.crypto;
