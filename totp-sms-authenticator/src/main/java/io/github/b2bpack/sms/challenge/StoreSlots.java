package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.budget.SlotStore;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Budget slots in Keycloak's cluster-wide {@link SingleUseObjectProvider}: a claim is its atomic
 * {@code putIfAbsent} (one winner across all nodes), a release its {@code remove}; hints are plain
 * entries that only save probes.
 */
final class StoreSlots implements SlotStore {

    private final SingleUseObjectProvider store;

    StoreSlots(SingleUseObjectProvider store) {
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

    @Override
    public int hint(String key) {
        Map<String, String> value = store.get(key);
        try {
            return value == null || value.get("n") == null ? -1 : Integer.parseInt(value.get("n"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void hint(String key, int value, long lifespanSeconds) {
        store.put(key, Math.max(1, lifespanSeconds), Map.of("n", Integer.toString(value)));
    }
}
