/**
 * The mailed link: an own action token type ({@code b2bpack-magic-link}, signed by the realm's keys) and its handler,
 * which uses it up atomically, checks the browser binding and resumes the realm's browser flow with the user
 * identified. Glue: Keycloak SPI types.
 */
package io.github.b2bpack.magiclink.token;
