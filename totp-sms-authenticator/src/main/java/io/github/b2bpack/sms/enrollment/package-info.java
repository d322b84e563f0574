/**
 * The {@code CONFIGURE_SMS_OTP} required action (phone enrollment with recovery codes), its pages and the per-user
 * enrollment and recovery counters. Glue: Keycloak required actions, forms, credentials and the single-use store.
 */
package io.github.b2bpack.sms.enrollment;
