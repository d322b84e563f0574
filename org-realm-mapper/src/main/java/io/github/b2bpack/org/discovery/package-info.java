/**
 * Keycloak glue: the anonymous browser entry point {@code /realms/master/org-login} (realm resource
 * provider {@code org-login}), which sends an email's owner on to their organization's realm. Only
 * {@link io.github.b2bpack.org.discovery.AuthorizationRedirect} is pure, and unit-tested.
 */
package io.github.b2bpack.org.discovery;
