package io.github.b2bpack.password.strength.rest;

import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Fixed-window request counter per client IP, kept in Keycloak's {@link SingleUseObjectProvider}
 * (a replicated Infinispan cache in a cluster), so every node counts against the same budget.
 * The read-then-replace is not atomic: concurrent requests may each see the same count, so a burst
 * can slightly exceed the limit; it never blocks a client that is under it.
 */
final class ClientRateLimiter {

    private static final String KEY_PREFIX = "b2bpack.password-strength.rate:";
    private static final String COUNT = "count";

    private final SingleUseObjectProvider store;
    private final RateLimitSettings settings;
    private final long nowSeconds;

    ClientRateLimiter(SingleUseObjectProvider store, RateLimitSettings settings, long nowSeconds) {
        this.store = store;
        this.settings = settings;
        this.nowSeconds = nowSeconds;
    }

    /** Counts one request of {@code clientIp}; {@code false} when its budget for this window is spent. */
    boolean tryAcquire(String clientIp) {
        long window = nowSeconds / settings.windowSeconds();
        String key = KEY_PREFIX + window + ":" + clientIp;
        long lifespan = settings.windowSeconds() - nowSeconds % settings.windowSeconds() + 1;
        Map<String, String> current = store.get(key);
        if (current == null) {
            store.put(key, lifespan, Map.of(COUNT, "1"));
            return true;
        }
        int count = parse(current.get(COUNT));
        if (count >= settings.requestsPerWindow()) {
            return false;
        }
        if (!store.replace(key, Map.of(COUNT, Integer.toString(count + 1)))) {
            store.put(key, lifespan, Map.of(COUNT, "1"));
        }
        return true;
    }

    /** Seconds until the current window ends, for {@code Retry-After}. */
    long secondsUntilReset() {
        return settings.windowSeconds() - nowSeconds % settings.windowSeconds();
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
