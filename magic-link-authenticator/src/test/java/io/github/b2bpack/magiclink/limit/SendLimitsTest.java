package io.github.b2bpack.magiclink.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SendLimitsTest {

    /** The atomic put-if-absent of the single-use store, without expiry. */
    static final class MapStore implements SlotStore {
        final Map<String, Boolean> keys = new ConcurrentHashMap<>();

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            return keys.putIfAbsent(key, Boolean.TRUE) == null;
        }

        @Override
        public void release(String key) {
            keys.remove(key);
        }
    }

    @Test
    void theAddressLimitCountsEveryRequestForTheAddress() {
        SendLimits limits = new SendLimits(new MapStore(), new SlotCap("ip", 10, 60), new SlotCap("address", 3, 60));
        String who = ClientSubject.address("Ann@Example.com");
        for (int i = 0; i < 3; i++) {
            assertEquals(SendLimits.Outcome.ALLOWED, limits.tryAcquire("10.0.0." + i, who));
        }
        assertEquals(
                SendLimits.Outcome.ADDRESS_LIMITED,
                limits.tryAcquire("10.0.0.9", ClientSubject.address("ann@example.com ")));
    }

    @Test
    void aRefusedAddressGivesItsIpSlotBack() {
        MapStore store = new MapStore();
        SendLimits limits = new SendLimits(store, new SlotCap("ip", 2, 60), new SlotCap("address", 1, 60));
        assertEquals(SendLimits.Outcome.ALLOWED, limits.tryAcquire("1.2.3.4", "a"));
        assertEquals(SendLimits.Outcome.ADDRESS_LIMITED, limits.tryAcquire("1.2.3.4", "a"));
        assertEquals(SendLimits.Outcome.ALLOWED, limits.tryAcquire("1.2.3.4", "b"));
        assertEquals(SendLimits.Outcome.IP_LIMITED, limits.tryAcquire("1.2.3.4", "c"));
    }

    @Test
    void parallelRequestsNeverGetMoreThanTheLimit() throws Exception {
        for (int round = 0; round < 20; round++) {
            MapStore store = new MapStore();
            SendLimits limits = new SendLimits(store, new SlotCap("ip", 5, 60), new SlotCap("address", 100, 60));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SendLimits.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String address = "user" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return limits.tryAcquire("203.0.113.7", address);
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<SendLimits.Outcome> f : outcomes) {
                allowed += f.get() == SendLimits.Outcome.ALLOWED ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(5, allowed);
        }
    }

    @Test
    void ipv6CountsByItsSlash64AndOddInputByADigest() {
        assertEquals(ClientSubject.of("2001:db8:1:2::1"), ClientSubject.of("2001:db8:1:2:ffff::9"));
        assertNotEquals(ClientSubject.of("2001:db8:1:2::1"), ClientSubject.of("2001:db8:1:3::1"));
        assertEquals("192.0.2.1", ClientSubject.of("192.0.2.1"));
        assertEquals("192.0.2.1", ClientSubject.of("::ffff:192.0.2.1"));
        assertEquals(38, ClientSubject.of("x".repeat(10_000)).length());
    }
}
