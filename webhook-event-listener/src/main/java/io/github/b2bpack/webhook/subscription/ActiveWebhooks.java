package io.github.b2bpack.webhook.subscription;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.keycloak.models.RealmModel;

/**
 * Each realm's active webhooks, held per node so that an event costs no database read to find its
 * subscribers. Validity rides on Keycloak's realm cache: every change to a realm's webhooks writes a new
 * {@value #VERSION_ATTRIBUTE} realm attribute in the same transaction, which invalidates that realm on
 * every node of the cluster; a node whose copy carries another version reads the webhooks again.
 */
public final class ActiveWebhooks {

    /** Realm attribute that changes whenever a webhook of the realm is created, changed or removed. */
    private static final String VERSION_ATTRIBUTE = "b2bpack.webhooks.version";

    private static final int MAX_REALMS = 10_000;

    private final VersionedCache<List<Webhook>> byRealm = new VersionedCache<>(MAX_REALMS);

    /**
     * The realm's active webhooks, from memory when {@code version} (the realm's {@link #version}, read before
     * calling) is the one they were loaded under, else from {@code load}. Reading the version first makes the
     * rows at least as new as the version they are kept under.
     */
    public List<Webhook> of(String realmId, String version, Supplier<List<Webhook>> load) {
        return byRealm.get(realmId, version, () -> List.copyOf(load.get()));
    }

    /** The realm's current {@value #VERSION_ATTRIBUTE}; null for a realm whose webhooks never changed, or no realm. */
    public static String version(RealmModel realm) {
        return realm == null ? null : realm.getAttribute(VERSION_ATTRIBUTE);
    }

    /** Call in the transaction that changes any webhook of {@code realm}. */
    public static void changed(RealmModel realm) {
        realm.setAttribute(VERSION_ATTRIBUTE, UUID.randomUUID().toString());
    }

    public void forget(String realmId) {
        byRealm.forget(realmId);
    }
}
