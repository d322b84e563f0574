package io.github.b2bpack.webhook.dispatch;

/**
 * One attempt to make on a sender thread.
 *
 * @param realmId   whose share of the senders it takes
 * @param createdAt when its row was written (epoch millis): a direct attempt that waited too long is left to the sweep
 * @param attempt   sends it and hands its result on; runs under a permit and a slot of its realm, both given back after
 */
public record Job(String realmId, long createdAt, Runnable attempt) {}
