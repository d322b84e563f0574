/**
 * Keycloak glue: the organization admin API {@code /admin/realms/master/orgs} (admin realm resource
 * provider {@code orgs}), its email-domain ownership, users, metakeys and administrators sub-resources, the
 * same users and administrators under an organization's own realm for its administrators, and the JSON shapes
 * it answers in. Input is read and checked in the pure {@code request} package; this package maps refusals to
 * HTTP.
 */
package io.github.b2bpack.org.api;
