/**
 * Pure, no Keycloak types: the SSO self-serve onboarding link (its token, what the cluster store keeps of it,
 * its lifespan), the onboarding form's input, the guard that keeps metadata URLs off private addresses, the SSO
 * challenge request and the authorization URL it answers. The Keycloak glue is in
 * {@code io.github.b2bpack.org.ssoentryweb}.
 */
package io.github.b2bpack.org.ssoentry;
