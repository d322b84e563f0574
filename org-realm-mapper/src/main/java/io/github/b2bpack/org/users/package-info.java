/**
 * Pure, no Keycloak types: an organization's users as Cryptr shows them. Which OIDC profile claim is held
 * in which Keycloak user attribute, the rules of metadata keys ("metakeys") and the Cryptr {@code User}
 * JSON built from a snapshot of what Keycloak holds.
 */
package io.github.b2bpack.org.users;
