package io.github.b2bpack.hibp.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpstreamBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private UpstreamBudget budget(long max, Duration window) {
        return new UpstreamBudget(max, window, now::get);
    }

    @Test
    void aFullBucketGivesTheBurstThenRefusesWithoutWaiting() {
        UpstreamBudget budget = budget(10, Duration.ofSeconds(60));
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            if (budget.tryAcquire()) {
                granted++;
            }
        }
        assertEquals(10, granted);
    }

    @Test
    void refillsAtTheConfiguredRateAndNeverBeyondTheBurst() {
        UpstreamBudget budget = budget(10, Duration.ofSeconds(60)); // one request per 6 s
        for (int i = 0; i < 10; i++) {
            assertTrue(budget.tryAcquire());
        }
        assertFalse(budget.tryAcquire());
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertFalse(budget.tryAcquire(), "not yet 6 s");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(budget.tryAcquire());
        assertFalse(budget.tryAcquire());

        now.addAndGet(Duration.ofHours(5).toNanos()); // idle for long: full again, but not more than full
        int granted = 0;
        while (budget.tryAcquire()) {
            granted++;
        }
        assertEquals(10, granted);
    }

    @Test
    void noWindowBoundaryLetsTwoBurstsThrough() {
        UpstreamBudget budget = budget(60, Duration.ofSeconds(60));
        int granted = 0;
        // 2 minutes of constant pressure, one attempt every 100 ms: at most the burst plus one per second.
        for (int step = 0; step < 1200; step++) {
            if (budget.tryAcquire()) {
                granted++;
            }
            now.addAndGet(Duration.ofMillis(100).toNanos());
        }
        assertTrue(granted <= 60 + 120 + 1, "granted " + granted);
        assertTrue(granted >= 60 + 119, "granted " + granted);
    }

    @Test
    void concurrentCallersNeverShareTheLastTokens() throws Exception {
        UpstreamBudget budget = new UpstreamBudget(25, Duration.ofHours(1)); // real clock: no refill within the test
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                int mine = 0;
                for (int i = 0; i < 1000; i++) {
                    if (budget.tryAcquire()) {
                        mine++;
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        pool.shutdownNow();
        assertEquals(25, total);
    }

    @Test
    void aBudgetOfNothingIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> budget(0, Duration.ofSeconds(1)));
    }
}
