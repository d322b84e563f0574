/**
 * Keycloak glue of SSO self-serve onboarding: the single-use onboarding links in Keycloak's
 * cluster-wide single-use store, the onboarding page under an organization realm (realm resource provider
 * {@code b2bpack-sso-onboarding}), the writer of the {@code b2bpack-sso} identity provider from pasted or fetched
 * metadata. The SSO challenge endpoint is in {@code io.github.b2bpack.org.ssochallenge}; this package uses
 * nothing of the organization API (which calls {@link SsoOnboarding}). Pure logic is in {@code io.github.b2bpack.org.ssoentry}.
 */
package io.github.b2bpack.org.ssoentryweb;
