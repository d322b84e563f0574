/**
 * Pure, no Keycloak types: reading and checking the organization API's input (organization create and update
 * bodies, list query, verification body; user create and update bodies, user list query, metadata bodies;
 * administrator invitations); a refusal is an {@code OrganizationException} carrying its API error code.
 */
package io.github.b2bpack.org.request;
