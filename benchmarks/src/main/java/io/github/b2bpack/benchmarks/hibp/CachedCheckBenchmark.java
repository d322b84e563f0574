package io.github.b2bpack.benchmarks.hibp;

import io.github.b2bpack.hibp.lookup.BreachCount;
import io.github.b2bpack.hibp.lookup.BreachLookup;
import io.github.b2bpack.hibp.lookup.FailureMode;
import io.github.b2bpack.hibp.lookup.LookupMode;
import io.github.b2bpack.hibp.lookup.LookupSettings;
import io.github.b2bpack.hibp.metrics.HibpMetrics;
import io.github.b2bpack.hibp.range.PasswordHash;
import io.github.b2bpack.hibp.range.RangeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A breach check answered from the per-prefix cache: 1,024 passwords whose prefixes are cached,
 * each prefix holding 900 suffixes like a padded real answer. {@code baselineSha1} is the SHA-1 of
 * the password alone, the cost no check can avoid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CachedCheckBenchmark {

    private static final int PASSWORDS = 1024;

    private final String[] passwords = new String[PASSWORDS];
    private BreachLookup lookup;

    @Setup(Level.Trial)
    public void warmCache() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < PASSWORDS; i++) {
            passwords[i] = "Summer2024!" + random.nextInt();
        }
        LookupSettings settings = new LookupSettings(
                "http://127.0.0.1:9",
                Duration.ofSeconds(2),
                10_000,
                Duration.ofHours(1),
                FailureMode.OPEN,
                LookupMode.ONLINE,
                null);
        lookup = new BreachLookup(
                settings, (prefix, budget) -> answer(prefix), null, new HibpMetrics(new SimpleMeterRegistry()));
        for (String password : passwords) {
            lookup.lookup(password);
        }
    }

    private RangeResult answer(String prefix) {
        Map<String, Long> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        while (counts.size() < 900) {
            counts.put(
                    String.format("%035X", random.nextLong() & Long.MAX_VALUE).substring(0, 35),
                    1L + random.nextInt(100));
        }
        for (String password : passwords) {
            PasswordHash hash = PasswordHash.of(password);
            if (hash.prefix().equals(prefix)) {
                counts.put(hash.suffix(), 3L);
            }
        }
        return new RangeResult(counts);
    }

    @Benchmark
    public byte[] baselineSha1() {
        return PasswordHash.of(passwords[ThreadLocalRandom.current().nextInt(PASSWORDS)])
                .digest();
    }

    @Benchmark
    public BreachCount cachedCheck() {
        return lookup.lookup(passwords[ThreadLocalRandom.current().nextInt(PASSWORDS)]);
    }
}
