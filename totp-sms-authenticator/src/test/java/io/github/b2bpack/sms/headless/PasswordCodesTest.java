package io.github.b2bpack.sms.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/** The password_code's life: single use under a race, bound to its user, expiry, given back after a refusal. */
class PasswordCodesTest {

    /** The single-use store's semantics the class relies on: atomic remove, entries expire on Keycloak's clock. */
    static final class Store implements SingleUseObjectProvider {
        private record Entry(Map<String, String> value, long expiresAt) {}

        final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, new Entry(Map.copyOf(notes), Time.currentTimeMillis() + lifespanSeconds * 1000));
        }

        @Override
        public Map<String, String> get(String key) {
            Entry e = entries.get(key);
            return e == null || e.expiresAt() <= Time.currentTimeMillis() ? null : e.value();
        }

        @Override
        public Map<String, String> remove(String key) {
            Entry e = entries.remove(key);
            return e == null || e.expiresAt() <= Time.currentTimeMillis() ? null : e.value();
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.computeIfPresent(key, (k, e) -> new Entry(Map.copyOf(notes), e.expiresAt())) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            return entries.putIfAbsent(key, new Entry(Map.of(), Time.currentTimeMillis() + lifespanSeconds * 1000))
                    == null;
        }

        @Override
        public boolean contains(String key) {
            return get(key) != null;
        }

        @Override
        public void close() {}
    }

    private final Store store = new Store();
    private final PasswordCodes codes = new PasswordCodes(store, "realm-1");

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void onlyTheHashIsStoredAndACodeWorksOnceForItsUser() {
        String code = codes.issue("user-a", 900).code();
        assertEquals(1, store.entries.size());
        store.entries.keySet().forEach(k -> assertEquals(-1, k.indexOf(code)));
        assertNull(codes.claim(code, "user-b"), "another user's code");
        assertNotNull(codes.claim(code, "user-a"), "not spent by the other user's attempt");
        assertNull(codes.claim(code, "user-a"), "single use");
    }

    @Test
    void malformedForgedAndUnstoredCodesAreRefused() {
        assertNull(codes.claim(null, "user-a"));
        assertNull(codes.claim("short", "user-a"));
        assertNull(codes.claim("A".repeat(43), "user-a"));
        assertNull(
                codes.claim(codes.issue(null, 900).code(), "user-a"),
                "a code for an unknown address is stored nowhere");
        assertEquals(0, store.entries.size());
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = codes.issue("user-a", 60).code();
        Time.setOffset(61);
        assertNull(codes.claim(code, "user-a"));
    }

    @Test
    void aRefusedRenewalGivesTheCodeBackForTheTimeLeft() {
        String code = codes.issue("user-a", 120).code();
        Time.setOffset(60);
        codes.claim(code, "user-a").giveBack();
        assertNotNull(codes.claim(code, "user-a"));
        String late = codes.issue("user-a", 120).code();
        PasswordCodes.Claim claim = codes.claim(late, "user-a");
        Time.setOffset(60 + 121);
        claim.giveBack();
        assertNull(codes.claim(late, "user-a"), "nothing left to give back");
    }

    @Test
    void twentyParallelRenewalsWithOneCodeHaveOneWinner() throws Exception {
        String code = codes.issue("user-a", 900).code();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PasswordCodes.Claim>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return codes.claim(code, "user-a");
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<PasswordCodes.Claim> f : claims) {
                winners += f.get() == null ? 0 : 1;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }
}
