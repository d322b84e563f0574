package io.github.b2bpack.hibp.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.hibp.metrics.HibpMetrics;
import io.github.b2bpack.hibp.range.RangeClient;
import io.github.b2bpack.hibp.range.RangeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The prefix cache is bounded by the bytes its answers hold, and the range API by the upstream budget. */
class BoundedCacheTest {

    private static final long MIB = 1L << 20;

    private final AtomicInteger upstream = new AtomicInteger();

    /** A range client answering every prefix with {@code entries} suffixes, as a hostile or huge mirror could. */
    private RangeClient ranges(int entries) {
        return (prefix, budget) -> {
            upstream.incrementAndGet();
            Map<String, Long> counts = new HashMap<>();
            for (int i = 0; i < entries; i++) {
                counts.put(String.format("%035X", (long) prefix.hashCode() * 100_003L + i), 5L);
            }
            return new RangeResult(counts);
        };
    }

    /** The server defaults but for the byte bound and the upstream budget. */
    private static LookupSettings settings(long cacheMaxBytes, long upstreamMaxRequests, Duration upstreamWindow) {
        return new LookupSettings(
                LookupSettings.DEFAULT_API_BASE_URL,
                Duration.ofMillis(LookupSettings.DEFAULT_BUDGET_MILLIS),
                LookupSettings.DEFAULT_CACHE_PREFIXES,
                Duration.ofSeconds(LookupSettings.DEFAULT_CACHE_TTL_SECONDS),
                FailureMode.OPEN,
                LookupMode.ONLINE,
                null,
                cacheMaxBytes,
                upstreamMaxRequests,
                upstreamWindow);
    }

    /** What the estimate charges for one listed suffix. */
    private static long bytesPerEntry() {
        return new RangeResult(Map.of("A".repeat(35), 1L)).estimatedBytes()
                - new RangeResult(Map.of()).estimatedBytes();
    }

    @Test
    void fillingWithLargeRangesKeepsTheEstimatedBytesUnderTheBound() {
        // 13,000 entries is about what fits in the 512 KiB body cap: ~1.4 MB each once parsed.
        BreachLookup lookup = new BreachLookup(
                settings(8 * MIB, 1_000_000, Duration.ofMinutes(1)),
                ranges(13_000),
                null,
                new HibpMetrics(new SimpleMeterRegistry()));
        long single = new RangeResult(Map.of()).estimatedBytes() + 13_000L * bytesPerEntry();
        for (int i = 0; i < 40; i++) {
            assertTrue(lookup.lookup("password-" + i).available());
            assertTrue(lookup.cachedBytes() <= 8 * MIB, "after " + (i + 1) + ": " + lookup.cachedBytes());
        }
        assertTrue(
                lookup.cachedBytes() >= 8 * MIB - 2 * single,
                "the cache is used up to its bound: " + lookup.cachedBytes());
        assertEquals(40, upstream.get());
    }

    @Test
    void smallRangesFitByTheThousandInTheSameBound() {
        BreachLookup lookup = new BreachLookup(
                settings(8 * MIB, 1_000_000, Duration.ofMinutes(1)),
                ranges(50),
                null,
                new HibpMetrics(new SimpleMeterRegistry()));
        for (int i = 0; i < 1000; i++) {
            lookup.lookup("small-" + i);
        }
        int before = upstream.get();
        for (int i = 0; i < 1000; i++) {
            assertEquals(BreachCount.Source.CACHE, lookup.lookup("small-" + i).source());
        }
        assertEquals(before, upstream.get(), "all 1000 small answers stayed cached");
    }

    @Test
    void estimatedBytesGrowWithTheEntries() {
        assertTrue(new RangeResult(Map.of()).estimatedBytes() > 0);
        assertEquals(
                bytesPerEntry() * 2,
                new RangeResult(Map.of("A".repeat(35), 1L, "B".repeat(35), 2L)).estimatedBytes()
                        - new RangeResult(Map.of()).estimatedBytes());
        assertTrue(bytesPerEntry() >= 35, "at least the suffix characters");
    }

    @Test
    void pastTheUpstreamBudgetChecksAreUnavailableWithoutWaitingButCachedPrefixesStillAnswer() {
        BreachLookup lookup = new BreachLookup(
                settings(LookupSettings.DEFAULT_CACHE_MAX_BYTES, 5, Duration.ofHours(1)),
                ranges(10),
                null,
                new HibpMetrics(new SimpleMeterRegistry()));
        for (int i = 0; i < 5; i++) {
            assertTrue(lookup.lookup("within-" + i).available());
        }
        long started = System.nanoTime();
        int spent = 0;
        for (int i = 0; i < 50; i++) {
            BreachCount count = lookup.lookup("beyond-" + i);
            if (!count.available()) {
                assertEquals(BreachCount.Source.BUDGET_SPENT, count.source());
                spent++;
            }
        }
        assertTrue((System.nanoTime() - started) / 1_000_000 < 500, "no waiting for a budget");
        assertEquals(5, upstream.get());
        assertEquals(50, spent, "every new prefix past the budget is unavailable");
        assertEquals(BreachCount.Source.CACHE, lookup.lookup("within-3").source());
        assertFalse(lookup.lookup("beyond-1").available(), "a refused prefix is not cached as clean");
    }
}
