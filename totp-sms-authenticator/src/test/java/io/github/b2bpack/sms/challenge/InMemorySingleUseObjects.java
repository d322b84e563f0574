package io.github.b2bpack.sms.challenge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A small in-memory {@link SingleUseObjectProvider} with Infinispan's semantics where the pack relies
 * on them: {@code putIfAbsent} and {@code remove} are atomic, entries expire after their lifespan, and
 * the clock is the test's to move.
 */
final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> value, long expiresAtMillis) {}

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private boolean live(Entry e) {
        return e != null && clock.get() < e.expiresAtMillis();
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), clock.get() + lifespanSeconds * 1000));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry e = entries.get(key);
        return live(e) ? e.value() : null;
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry e = entries.remove(key);
        return live(e) ? e.value() : null;
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        return entries.computeIfPresent(
                        key, (k, e) -> live(e) ? new Entry(Map.copyOf(notes), e.expiresAtMillis()) : null)
                != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        Entry fresh = new Entry(Map.of(), clock.get() + lifespanSeconds * 1000);
        boolean[] won = {false};
        entries.compute(key, (k, e) -> {
            if (live(e)) {
                return e;
            }
            won[0] = true;
            return fresh;
        });
        return won[0];
    }

    @Override
    public boolean contains(String key) {
        return live(entries.get(key));
    }

    @Override
    public void close() {}
}
