/**
 * SSO self-serve onboarding without Keycloak: the onboarding link (its token, what the cluster store keeps of it —
 * organization, environment, provider type, users access policy —, its lifespan), Cryptr's {@code onboarding}
 * object, and the onboarding form's input. The page and the link store are in
 * {@code io.github.b2bpack.org.ssoonboarding}; the connection it writes is {@code io.github.b2bpack.org.ssobroker}'s.
 */
package io.github.b2bpack.org.sso.onboarding;
