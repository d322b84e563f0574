/**
 * Recovery codes: generation (Crockford base32), normalisation of typed input, PBKDF2 hashing, and the limits on
 * recovery and self re-enrollment. Pure: no Keycloak types.
 */
package io.github.b2bpack.sms.recovery;
