/**
 * SPI option parsing shared by the module's providers: {@link io.github.b2bpack.password.options.IntOption}.
 * Pure: no Keycloak types.
 */
package io.github.b2bpack.password.options;
