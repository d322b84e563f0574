/**
 * Cryptr's headless {@code POST /magic-link-challenge} for applications with their own UI, served at
 * {@code /admin/realms/{realm}/magic-link-challenge}: the request and answer shapes ({@link ChallengeRequest},
 * {@link MagicLinkChallenge}, pure) and the admin resource that mails the link. The link ends in the realm's standard
 * OIDC authorization-code flow. The resource classes are Keycloak glue.
 */
package io.github.b2bpack.magiclink.headless;
