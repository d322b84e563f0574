/**
 * Texting and checking one user's codes (phone rules, gateway, cooldown, caps, attempt slots), the
 * authenticator-app attempt slots, all state in Keycloak's single-use store, and the realm's SMS settings. Glue;
 * SendBudgets and SmsOtpSettings are pure.
 */
package io.github.b2bpack.sms.challenge;
