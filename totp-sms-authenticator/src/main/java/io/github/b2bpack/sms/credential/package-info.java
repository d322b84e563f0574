/**
 * The stored credentials {@code sms-otp} (the verified phone), {@code sms-recovery-codes} and {@code b2bpack-sms-state}
 * (per-user counters), and their credential providers. Glue: Keycloak credential models and JSON serialization.
 */
package io.github.b2bpack.sms.credential;
