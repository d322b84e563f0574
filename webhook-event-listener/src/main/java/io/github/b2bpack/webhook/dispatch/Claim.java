package io.github.b2bpack.webhook.dispatch;

/**
 * An attempt as this node holds it: the row, the token it was claimed under (its result is written only while
 * that token still holds the row), its webhook and which attempt it is (1 for the first).
 */
public record Claim(String id, String token, String webhookId, int attempt) {}
