/**
 * Phone number rules on libphonenumber: E.164 normalisation, refused number types, VoIP, allowed countries, masking.
 * Pure: no Keycloak types (libphonenumber is shaded into the jar).
 */
package io.github.b2bpack.sms.phone;
