/**
 * The module's Keycloak events: the closest built-in type plus the detail {@code b2bpack_event=sms_otp.<action>}.
 * Glue: Keycloak's event builder.
 */
package io.github.b2bpack.sms.event;
