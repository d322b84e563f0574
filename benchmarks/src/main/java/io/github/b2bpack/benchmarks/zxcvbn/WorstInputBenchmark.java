package io.github.b2bpack.benchmarks.zxcvbn;

import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import io.github.b2bpack.password.strength.scoring.StrengthEstimate;
import io.github.b2bpack.password.strength.scoring.UserInputs;
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
 * The bounded estimator on the worst inputs we could construct (see {@link PasswordCorpus#worst}),
 * sampled per call. Goal (issue 3): every one under 50 ms, at any length up to 1 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WorstInputBenchmark {

    @Param({
        "digits-128",
        "digits-64",
        "punctuation-digits-42",
        "leet-symbols-42",
        "leet-symbols-128",
        "a-x1000",
        "a-x1MB",
        "random-1MB",
        "dates-128",
        "emoji-rtl-nul"
    })
    public String input;

    private String password;
    private BoundedStrengthEstimator bounded;
    private UserInputs userInputs;

    @Setup
    public void setUp() {
        password = PasswordCorpus.worst(input);
        bounded = BoundedStrengthEstimator.standard();
        userInputs = UserInputs.none()
                .username("jdoe")
                .email("jane.doe@acme-corp.example")
                .realmName("acme");
    }

    @Benchmark
    public StrengthEstimate boundedEstimator() {
        return bounded.estimate(password, userInputs);
    }
}
