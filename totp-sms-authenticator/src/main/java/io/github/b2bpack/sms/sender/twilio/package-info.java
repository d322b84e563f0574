/**
 * The {@code twilio} sender: Twilio's Messages API, form-encoded with HTTP Basic auth.
 * Glue: Keycloak's HTTP client and vault.
 */
package io.github.b2bpack.sms.sender.twilio;
