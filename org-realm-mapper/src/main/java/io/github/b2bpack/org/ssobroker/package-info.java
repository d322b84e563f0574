/**
 * The Keycloak side of SSO connections: the organization's identity provider (alias {@code b2bpack-sso}) built from
 * SAML metadata or OIDC discovery through Keycloak's own identity provider factories, its attribute mappers, the
 * first-broker-login flow the pack adds to the realm, and the authenticator that enforces the users access policy.
 * The only writer of that identity provider: the SSO connection API and the onboarding page both go through
 * {@link SsoConnections}, and the only reader of metadata URLs ({@link SsoMetadataReader}, with
 * {@code io.github.b2bpack.org.sso.MetadataUrls}' address rule).
 */
package io.github.b2bpack.org.ssobroker;
