package io.github.b2bpack.password.strength.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class ClientRateLimiterTest {

    private final InMemoryStore store = new InMemoryStore();
    private final RateLimitSettings settings = new RateLimitSettings(3, 60, 4096);

    @Test
    void eachIpGetsItsBudgetPerWindow() {
        ClientRateLimiter limiter = new ClientRateLimiter(store, settings, 120);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"));
        assertEquals(60, limiter.secondsUntilReset());

        ClientRateLimiter nextWindow = new ClientRateLimiter(store, settings, 180);
        assertTrue(nextWindow.tryAcquire("10.0.0.1"));
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheOptionName() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new RateLimitSettings(0, 60, 4096));
        assertTrue(refused.getMessage().contains("rate-limit"));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitSettings(10, 0, 4096));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitSettings(10, 60, 1 << 20));
    }

    /** Keycloak's single-use store reduced to a map; lifespans are not needed for these tests. */
    private static final class InMemoryStore implements SingleUseObjectProvider {

        private final Map<String, Map<String, String>> entries = new HashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {}
    }
}
