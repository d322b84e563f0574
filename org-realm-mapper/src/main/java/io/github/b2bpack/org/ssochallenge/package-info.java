/**
 * Keycloak glue of {@code POST /admin/realms/master/sso-saml-challenges} (admin realm resource provider
 * {@code sso-saml-challenges}): Cryptr's SSO challenge, an authorization URL that goes straight to an
 * organization's identity provider. The request and URL logic are pure, in {@code io.github.b2bpack.org.sso.challenge}.
 */
package io.github.b2bpack.org.ssochallenge;
