package io.github.b2bpack.benchmarks.zxcvbn;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import io.github.b2bpack.password.strength.scoring.StrengthEstimate;
import io.github.b2bpack.password.strength.scoring.UserInputs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The zxcvbn policy's cost on what people type (1,000 passwords of up to 64 characters, cycled),
 * sampled per call so JMH reports p50/p99/max. Baseline in the same run: zxcvbn4j called directly.
 * Goal (issue 3): p99 under 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TypicalPasswordBenchmark {

    private List<String> passwords;
    private int next;
    private BoundedStrengthEstimator bounded;
    private Zxcvbn zxcvbn;
    private UserInputs userInputs;
    private List<String> userInputList;

    @Setup
    public void setUp() {
        passwords = PasswordCorpus.typical();
        bounded = BoundedStrengthEstimator.standard();
        zxcvbn = new Zxcvbn();
        userInputs = UserInputs.none()
                .username("jdoe")
                .email("jane.doe@acme-corp.example")
                .firstName("Jane")
                .lastName("Doe")
                .realmName("acme");
        userInputList = userInputs.asList();
    }

    private String nextPassword() {
        String password = passwords.get(next);
        next = (next + 1) % passwords.size();
        return password;
    }

    @Benchmark
    public StrengthEstimate boundedEstimator() {
        return bounded.estimate(nextPassword(), userInputs);
    }

    @Benchmark
    public int zxcvbn4jBaseline() {
        return zxcvbn.measure(nextPassword(), userInputList).getScore();
    }
}
