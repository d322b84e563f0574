/**
 * The {@code sms-otp-form} authenticator: texts a code to the user's verified phone, checks it, takes a recovery
 * code instead, and its login page. Glue: Keycloak authentication flow, forms and events.
 */
package io.github.b2bpack.sms.authenticator;
