package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.signing.SigningKey;
import java.util.List;
import java.util.function.Supplier;

/**
 * Each webhook's decrypted signature keys, kept in this node's memory under a version that changes with
 * every change of the webhook, so that sending costs no decryption and, for direct deliveries, no database
 * read. Every attempt, direct or swept, takes its keys from here. Keys are never logged; the previous key
 * drops out on its own when its grace period ends.
 */
public final class SigningKeyCache {

    private static final int MAX_WEBHOOKS = 10_000;

    private final VersionedCache<KeySet> byWebhook = new VersionedCache<>(MAX_WEBHOOKS);

    /**
     * The version {@code webhook}'s keys are kept under: the realm's {@link ActiveWebhooks#version} (rewritten by
     * every change of its webhooks, rotations included) and the webhook's own last change.
     */
    public static String version(String realmVersion, Webhook webhook) {
        return realmVersion + "/" + webhook.updatedAt();
    }

    /**
     * The keys that sign now, or null when {@code load} finds the webhook gone or inactive.
     *
     * @param load reads the webhook's keys from the database; may throw if they cannot be decrypted
     */
    public List<SigningKey> keys(String webhookId, String version, long now, Supplier<KeySet> load) {
        KeySet keys = byWebhook.get(webhookId, version, load);
        return keys == null ? null : keys.at(now);
    }

    /** @param previousUntil end of the previous key's grace period; null when there is no previous key */
    public record KeySet(List<SigningKey> keys, Long previousUntil) {

        public KeySet {
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
}
