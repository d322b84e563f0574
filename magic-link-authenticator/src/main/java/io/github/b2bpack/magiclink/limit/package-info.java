/**
 * Send limits that hold under concurrency and across a cluster: one store slot per allowed send, taken with an
 * atomic put-if-absent (Keycloak's single-use object store in production, a map in unit tests). No Keycloak types.
 */
package io.github.b2bpack.magiclink.limit;
