/**
 * The {@code sms-sender} SPI and what its HTTP gateways share: one POST with timeouts and status mapping, the factory
 * reading a gateway's settings, vault-resolved secrets. Glue: Keycloak SPI, HTTP client and vault.
 */
package io.github.b2bpack.sms.sender;
