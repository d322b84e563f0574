package io.github.b2bpack.webhook.subscription;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values read from the database, kept in this node's memory under the version they were read at. The caller
 * passes the version it sees now (a realm attribute that every change of a realm's webhooks rewrites, see
 * {@link ActiveWebhooks}); a value kept under another version is read again. Nothing here can tell that a
 * value went stale on its own: correctness rests on every writer changing the version in its transaction.
 *
 * @param <V> a value as read; never null
 */
final class VersionedCache<V> {

    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    /** @param maxEntries far more keys than one cluster holds: past it the map starts over rather than grow */
    VersionedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The value of {@code key} from memory when it was read at {@code version}, else from {@code load}; null, and
     * nothing kept, when {@code load} finds none. An exception of {@code load} propagates and nothing is kept.
     */
    V get(String key, String version, Supplier<V> load) {
        Entry<V> cached = entries.get(key);
        if (cached != null && Objects.equals(cached.version(), version)) {
            return cached.value();
        }
        V loaded = load.get();
        if (loaded == null) {
            entries.remove(key);
            return null;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(version, loaded));
        return loaded;
    }

    void forget(String key) {
        entries.remove(key);
    }

    private record Entry<V>(String version, V value) {}
}
