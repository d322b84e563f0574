package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.limit.SlotStore;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Limit slots in Keycloak's cluster-wide single-use object store: a claim is its atomic {@code putIfAbsent} (one
 * winner across every node and thread), a release its {@code remove}.
 */
public final class StoreSlots implements SlotStore {

    private final SingleUseObjectProvider store;

    public StoreSlots(SingleUseObjectProvider store) {
        this.store = store;
    }

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        return store.putIfAbsent(key, Math.max(1, lifespanSeconds));
    }

    @Override
    public void release(String key) {
        store.remove(key);
    }
}
