/**
 * SMS one-time codes as a second factor: the provider ids of the module ({@code SmsProviderIds}) and what its
 * authenticator factories share ({@code SmsAuthenticatorFactory}). Glue: Keycloak SPI types; the ids are plain constants.
 */
package io.github.b2bpack.sms;
