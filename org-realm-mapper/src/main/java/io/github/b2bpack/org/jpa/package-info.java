/**
 * Keycloak glue: the organization index tables ({@code B2B_ORG}, {@code B2B_ORG_EMAIL_DOMAIN}) as JPA
 * entities in Keycloak's persistence unit, and {@link io.github.b2bpack.org.jpa.OrganizationStore},
 * which reads and writes them in the request's transaction; and {@link io.github.b2bpack.org.jpa.UserListing},
 * the users API's newest-first page of a realm's users read from Keycloak's own user entity, and
 * {@link io.github.b2bpack.org.jpa.AdminListing}, the same for the administrators (users with an invitation).
 */
package io.github.b2bpack.org.jpa;
