/**
 * Keycloak glue: an organization's lifecycle on Keycloak's realms (create, change, verify, delete the
 * index row together with its production and sandbox realms, from the realm template).
 */
package io.github.b2bpack.org.lifecycle;
