/**
 * Keycloak glue of SSO self-serve onboarding: the single-use onboarding links in Keycloak's cluster-wide single-use
 * store, and the onboarding page under an organization realm (realm resource provider
 * {@code b2bpack-sso-onboarding}), which writes the connection through the SSO connection code
 * ({@code io.github.b2bpack.org.ssobroker.SsoConnections}), so a page-made connection equals an API-made one. The
 * organization API answers Cryptr's {@code onboarding} object through {@link SsoOnboarding}. Pure logic is in
 * {@code io.github.b2bpack.org.sso.onboarding}.
 */
package io.github.b2bpack.org.ssoonboarding;
