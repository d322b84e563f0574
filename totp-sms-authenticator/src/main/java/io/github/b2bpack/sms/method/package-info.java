/**
 * Which second-factor methods a realm offers (SMS, authenticator app or both), read from the realm attribute
 * {@code b2bpack.otp.methods}, and the attempt budget of app codes. Pure: no Keycloak types.
 */
package io.github.b2bpack.sms.method;
