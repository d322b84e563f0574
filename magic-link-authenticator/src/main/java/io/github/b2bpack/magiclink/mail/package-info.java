/**
 * The magic-link email: rendered in the request with Keycloak's FreeMarker email templates (the realm's email theme,
 * the person's locale, the pack's {@code b2bpack-magic-link.ftl}), then handed to Keycloak's email sender on a
 * background thread, so a known address answers as fast as an unknown one. Glue: Keycloak SPI types.
 */
package io.github.b2bpack.magiclink.mail;
