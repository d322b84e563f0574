package io.github.b2bpack.webhook.dispatch;

/**
 * An attempt as this node holds it: the row, the token it was claimed under (its result is written only while
 * that token still holds the row), its webhook, which attempt it is (1 for the first) and when the claim expires
 * (epoch millis; after that another node may take the row, see {@link AttemptWindow}).
 */
public record Claim(String id, String token, String webhookId, int attempt, long claimedUntil) {}
