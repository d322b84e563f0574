/**
 * Pure: Standard Webhooks signatures: the signing keys ({@code v1} HMAC-SHA256, {@code v1a} Ed25519), each signing
 * for itself, the secrets they come from, and the {@code webhook-*} headers.
 */
package io.github.b2bpack.webhook.signing;
