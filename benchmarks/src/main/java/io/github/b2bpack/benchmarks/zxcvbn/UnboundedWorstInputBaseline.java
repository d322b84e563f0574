package io.github.b2bpack.benchmarks.zxcvbn;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baseline for {@link WorstInputBenchmark}: zxcvbn4j called directly on the worst inputs short
 * enough to finish (a 1 MB input would run for hours). Single calls, averaged.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class UnboundedWorstInputBaseline {

    @Param({"digits-64", "punctuation-digits-42", "leet-symbols-42", "a-x1000"})
    public String input;

    private String password;
    private Zxcvbn zxcvbn;

    @Setup
    public void setUp() {
        password = PasswordCorpus.worst(input);
        zxcvbn = new Zxcvbn();
    }

    @Benchmark
    public int zxcvbn4jBaseline() {
        return zxcvbn.measure(password, List.of("jdoe", "jane.doe@acme-corp.example", "acme"))
                .getScore();
    }
}
