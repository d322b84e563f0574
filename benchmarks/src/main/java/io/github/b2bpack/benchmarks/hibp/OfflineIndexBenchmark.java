package io.github.b2bpack.benchmarks.hibp;

import io.github.b2bpack.hibp.offline.OfflineIndex;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups in a memory-mapped offline index of generated hashes (100 million by default; the index
 * is built once into /tmp). {@code baselineQueryOnly} computes the query without looking it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class OfflineIndexBenchmark {

    @Param("100000000")
    public long entries;

    private OfflineIndex index;

    @Setup(Level.Trial)
    public void open() throws IOException {
        index = OfflineIndex.open(GeneratedCorpus.index(entries));
    }

    @Benchmark
    public long baselineQueryOnly() {
        return GeneratedCorpus.member(ThreadLocalRandom.current().nextLong(entries));
    }

    @Benchmark
    public long presentHash() {
        return index.count(GeneratedCorpus.member(ThreadLocalRandom.current().nextLong(entries)));
    }

    @Benchmark
    public long absentHash() {
        return index.count(ThreadLocalRandom.current().nextLong());
    }
}
