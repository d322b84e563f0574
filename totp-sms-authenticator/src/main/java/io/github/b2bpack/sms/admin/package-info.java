/**
 * The admin REST resource {@code /admin/realms/{realm}/sms-otp}: read a user's SMS factor (masked), force-enroll,
 * remove. Glue: JAX-RS and Keycloak admin permissions, events and models.
 */
package io.github.b2bpack.sms.admin;
