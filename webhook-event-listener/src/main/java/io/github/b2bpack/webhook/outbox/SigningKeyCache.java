package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.signing.SigningKey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each webhook's decrypted signature keys, kept in this node's memory under a version that changes
 * with every change of the webhook, so direct deliveries sign without a database read. Keys are never
 * logged; the previous key drops out on its own when its grace period ends.
 */
final class SigningKeyCache {

    private static final int MAX_WEBHOOKS = 10_000;

    private final Map<String, Entry> byWebhook = new ConcurrentHashMap<>();

    /**
     * The keys that sign now, or null when {@code load} finds the webhook gone or inactive.
     *
     * @param load reads the webhook's keys from the database; may throw if they cannot be decrypted
     */
    List<SigningKey> keys(String webhookId, String version, long now, Supplier<KeySet> load) {
        Entry cached = byWebhook.get(webhookId);
        if (cached == null || !Objects.equals(cached.version(), version)) {
            KeySet loaded = load.get();
            if (loaded == null) {
                byWebhook.remove(webhookId);
                return null;
            }
            if (byWebhook.size() >= MAX_WEBHOOKS) {
                byWebhook.clear();
            }
            cached = new Entry(version, loaded);
            byWebhook.put(webhookId, cached);
        }
        return cached.keys().at(now);
    }

    /** @param previousUntil end of the previous key's grace period; null when there is no previous key */
    record KeySet(List<SigningKey> keys, Long previousUntil) {

        KeySet {
            keys = List.copyOf(keys);
        }

        List<SigningKey> at(long now) {
            return keys.size() > 1 && (previousUntil == null || previousUntil <= now) ? keys.subList(0, 1) : keys;
        }

        @Override
        public String toString() {
            return "KeySet[" + keys.size() + " keys]";
        }
    }

    private record Entry(String version, KeySet keys) {
    }
}
