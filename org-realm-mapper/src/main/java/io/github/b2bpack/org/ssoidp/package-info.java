/**
 * The Keycloak side of SSO connections: the organization's identity provider (alias {@code b2bpack-sso}) built from
 * SAML metadata or OIDC discovery through Keycloak's own identity provider factories, its attribute mappers, the
 * first-broker-login flow the pack adds to the realm, and the authenticator that enforces the users access policy.
 */
package io.github.b2bpack.org.ssoidp;
