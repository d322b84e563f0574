/**
 * Keycloak glue of Directory Sync: the realm state behind it ({@link io.github.b2bpack.org.scim.DirectorySyncs})
 * and the SCIM 2.0 endpoint {@code /realms/{organization realm}/directory-sync/scim/v2} (realm resource provider
 * {@code directory-sync}). The endpoint checks the directory's long-lived bearer token against the stored hash,
 * then hands the request to Keycloak's own SCIM resources (feature {@code scim-api}, modules
 * {@code keycloak-scim-*}) acting as the directory sync's service account, and adds what they lack: a body size
 * cap, the organization's email-domain rule as {@code invalidValue}, ending a deprovisioned user's sessions and the
 * {@code dir_sync.*} events.
 */
package io.github.b2bpack.org.scim;
