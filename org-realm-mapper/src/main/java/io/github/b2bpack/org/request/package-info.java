/**
 * Pure, no Keycloak types: reading and checking the organization API's input (create and update bodies,
 * list query, verification body); a refusal is an {@code OrganizationException} carrying its API error code.
 */
package io.github.b2bpack.org.request;
