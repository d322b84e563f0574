/**
 * The {@code http} sender: a JSON POST signed with HMAC-SHA256 for any gateway behind a small adapter.
 * Glue; the signature ({@code HmacSigner}) is pure.
 */
package io.github.b2bpack.sms.sender.http;
