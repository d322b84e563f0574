/**
 * Headless endpoints ({@code /admin/realms/{org realm}/b2bpack-headless/...}) for applications that draw their own
 * UI, in Cryptr's shapes: TOTP enrollment and challenges (SMS method now; a method plugs in through
 * {@link io.github.b2bpack.sms.headless.HeadlessTotpMethod}), password challenge, request and renew. The caller is
 * the organization realm's own confidential client (service account holding the realm role
 * {@code b2bpack-headless}); a passed challenge yields a real OAuth authorization code for that client, redeemed at
 * the realm's token endpoint. Glue: Keycloak sessions, stores and brute-force protector; the pure rules are in
 * {@code headless.secret}.
 */
package io.github.b2bpack.sms.headless;
