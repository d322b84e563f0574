/**
 * {@code GET /admin/realms/{realm}/password-hashing/pepper-rotation}: a realm's password credentials per algorithm and pepper.
 * Glue: an admin REST extension reading Keycloak's credential table.
 */
package io.github.b2bpack.password.hashing.rotation;
