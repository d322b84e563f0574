package io.github.b2bpack.webhook.health;

/**
 * What a node knows of a failing endpoint (an endpoint it does not know as failing is taken as healthy: its successes
 * cost no write).
 *
 * @param failingSince when the first failed attempt after the last success was made (epoch millis)
 * @param announced    whether {@code webhook.endpoint.failing} was sent for this failing period
 * @param disabled     whether this failing period already disabled the webhook
 */
public record Known(long failingSince, boolean announced, boolean disabled) {}
