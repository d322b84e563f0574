package io.github.b2bpack.webhook.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copy of the failing endpoints: what keeps a 2xx of a healthy endpoint free of any write, and a failure
 * of a failing one free of the mark. Written by the recorder's thread after each transition it made, and replaced
 * by a snapshot of the database every few seconds ({@link #replace}), so what another node changed is seen soon;
 * until then a stale entry only costs a guarded write that changes nothing (see {@link Plan}).
 */
public final class HealthCache {

    private volatile Map<String, Known> failing = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSuccess = new ConcurrentHashMap<>();

    /** Null when the endpoint is not known as failing. */
    public Known known(String webhookId) {
        return failing.get(webhookId);
    }

    public void put(String webhookId, Known known) {
        failing.put(webhookId, known);
    }

    public void forget(String webhookId) {
        failing.remove(webhookId);
    }

    /** Every failing endpoint as the database lists them now. */
    public void replace(Map<String, Known> snapshot) {
        failing = new ConcurrentHashMap<>(snapshot);
    }

    /** In memory only: a 2xx costs no write; the time is written when a failing period starts. */
    public void succeeded(String webhookId, long at) {
        lastSuccess.merge(webhookId, at, Math::max);
    }

    /** The last 2xx this node saw from the endpoint; null when none since it started. */
    public Long lastSuccess(String webhookId) {
        return lastSuccess.get(webhookId);
    }

    public int failingCount() {
        return failing.size();
    }
}
