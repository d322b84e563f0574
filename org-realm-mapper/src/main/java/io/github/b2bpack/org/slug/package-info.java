/**
 * Pure, no Keycloak types: an organization's immutable slug (the API JSON's {@code domain}), made from
 * its name, and the names of its realms.
 */
package io.github.b2bpack.org.slug;
