/**
 * The {@code sms-otp-form} authenticator (texts a code to the user's verified phone and checks it) and the
 * {@code app-otp-form} authenticator (checks a code of the user's authenticator app on Keycloak's {@code otp}
 * credential, within attempt slots); both take a recovery code instead. Glue: Keycloak authentication flow,
 * forms and events.
 */
package io.github.b2bpack.sms.authenticator;
