/**
 * Pure: one HTTP attempt ({@link WebhookSender}) and the SSRF guard it connects through: which addresses a
 * webhook may reach ({@link AddressPolicy}, IPv4 embedded in IPv6 included), checked at save and at connect.
 */
package io.github.b2bpack.webhook.delivery;
