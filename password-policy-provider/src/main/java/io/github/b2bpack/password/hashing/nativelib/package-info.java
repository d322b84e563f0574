/**
 * Argon2 computed by native libargon2 through JNA (library choice, bounded slots, pooled memory), and its costs and limits.
 * Pure: no Keycloak types.
 */
package io.github.b2bpack.password.hashing.nativelib;
