package io.github.b2bpack.webhook.subscription;

import org.keycloak.models.RealmModel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each realm's active webhooks, held per node so that an event costs no database read to find its
 * subscribers. Validity rides on Keycloak's realm cache: every change to a realm's webhooks writes a new
 * {@value #VERSION_ATTRIBUTE} realm attribute in the same transaction, which invalidates that realm on
 * every node of the cluster; a node whose copy carries another version reads the webhooks again.
 */
public final class ActiveWebhooks {

    /** Realm attribute that changes whenever a webhook of the realm is created, changed or removed. */
    public static final String VERSION_ATTRIBUTE = "b2bpack.webhooks.version";
    /** Far more realms than one cluster holds; past it the map starts over rather than grow. */
    private static final int MAX_REALMS = 10_000;

    private final Map<String, Entry> byRealm = new ConcurrentHashMap<>();

    /**
     * The realm's active webhooks, from memory when {@code version} (the realm's {@value #VERSION_ATTRIBUTE},
     * read before calling) is the one they were loaded under, else from {@code load}. Reading the version
     * first makes the rows at least as new as the version they are kept under.
     */
    public List<Webhook> of(String realmId, String version, Supplier<List<Webhook>> load) {
        Entry cached = byRealm.get(realmId);
        if (cached != null && Objects.equals(cached.version(), version)) {
            return cached.webhooks();
        }
        List<Webhook> loaded = List.copyOf(load.get());
        if (byRealm.size() >= MAX_REALMS) {
            byRealm.clear();
        }
        byRealm.put(realmId, new Entry(version, loaded));
        return loaded;
    }

    /** Call in the transaction that changes any webhook of {@code realm}. */
    public static void changed(RealmModel realm) {
        realm.setAttribute(VERSION_ATTRIBUTE, UUID.randomUUID().toString());
    }

    public void forget(String realmId) {
        byRealm.remove(realmId);
    }

    private record Entry(String version, List<Webhook> webhooks) {
    }
}
