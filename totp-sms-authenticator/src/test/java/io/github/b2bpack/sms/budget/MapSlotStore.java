package io.github.b2bpack.sms.budget;

import java.util.HashMap;
import java.util.Map;

/**
 * Slots in a plain map, for single-threaded tests of the slot arithmetic: claims never expire (the
 * window logic is in the keys, and a test stays within one window), and claims are counted as probes.
 */
final class MapSlotStore implements SlotStore {

    final Map<String, Integer> held = new HashMap<>();
    int probes;

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        probes++;
        return held.putIfAbsent(key, 1) == null;
    }

    @Override
    public void release(String key) {
        held.remove(key);
    }

    @Override
    public int hint(String key) {
        return held.getOrDefault(key, -1);
    }

    @Override
    public void hint(String key, int value, long lifespanSeconds) {
        held.put(key, value);
    }
}
