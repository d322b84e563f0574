/**
 * The {@code CONFIGURE_SMS_OTP} (phone) and {@code CONFIGURE_APP_OTP} (authenticator app, QR code) required
 * actions and their pages, the one set of recovery codes both issue and accept, the routing of enrollments to the
 * methods the realm offers, and the per-user enrollment and recovery counters. Glue: Keycloak required actions,
 * forms, credentials and the single-use store.
 */
package io.github.b2bpack.sms.enrollment;
