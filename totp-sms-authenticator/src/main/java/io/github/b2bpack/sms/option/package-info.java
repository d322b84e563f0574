/**
 * Range checks of the numeric options and the exception of a refused option, shared by the realm configuration
 * and the SPI options. Pure: no Keycloak types.
 */
package io.github.b2bpack.sms.option;
