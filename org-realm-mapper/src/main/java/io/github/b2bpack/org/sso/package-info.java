/**
 * SSO connections without Keycloak: the provider types and the attribute names their identity providers send,
 * the users access policies, the {@code b2bpack.} keys kept in the identity provider's config map, connection ids,
 * and the address rule for metadata URLs (the one SSRF rule of the API and the onboarding page). Onboarding links
 * and SSO challenges are in the sub-packages {@code onboarding} and {@code challenge}. The Keycloak side (identity
 * provider, mappers, first-login flow) is in {@code io.github.b2bpack.org.ssobroker}.
 */
package io.github.b2bpack.org.sso;
