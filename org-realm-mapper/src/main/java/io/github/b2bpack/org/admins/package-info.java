/**
 * Pure, no Keycloak types: an organization's administrators as Cryptr shows them. Where their invitation
 * timestamps live (user attributes), their status from those timestamps, the realm-management roles they
 * receive and why, and the Cryptr {@code Admin} JSON.
 */
package io.github.b2bpack.org.admins;
