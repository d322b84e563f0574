/**
 * SSO challenges without Keycloak: the {@code POST /sso-saml-challenges} request (Cryptr's fields, checked), its
 * answer, and the authorization URL that sends a person straight to the organization's identity provider. The
 * endpoint is in {@code io.github.b2bpack.org.ssochallenge}.
 */
package io.github.b2bpack.org.sso.challenge;
