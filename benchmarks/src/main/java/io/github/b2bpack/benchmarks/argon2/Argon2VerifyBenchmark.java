package io.github.b2bpack.benchmarks.argon2;

import io.github.b2bpack.password.hashing.NativeArgon2PasswordHashProviderFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
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
 * A password check (what every login costs): {@code argon2-native} against Keycloak's built-in
 * {@code argon2} (BouncyCastle, Keycloak's own {@code Argon2PasswordHashProvider} class) at identical
 * argon2id parameters. {@code argon2-native-unpooled} is argon2-native with memory pooling off, to show
 * what the pooled blocks buy at large memory; {@code argon2-native-reference} is argon2-native on
 * argon2-jvm's (reference C) libargon2 instead of the shipped SIMD build. Both providers get a concurrency cap of the CPU count,
 * as in a server. Run once with {@code -t 1} and once with {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class Argon2VerifyBenchmark {

    private static final String PASSWORD = "Correct-Horse-Battery-9";

    /** memory KiB : iterations : parallelism — Keycloak's default, then OWASP's rows. */
    @Param({"7168:5:1", "19456:2:1", "47104:1:1", "65536:3:1"})
    public String cost;

    @Param({"argon2", "argon2-native", "argon2-native-unpooled", "argon2-native-reference"})
    public String provider;

    private PasswordHashProvider hasher;
    private PasswordCredentialModel credential;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = cost.split(":");
        int memory = Integer.parseInt(parts[0]);
        int iterations = Integer.parseInt(parts[1]);
        int parallelism = Integer.parseInt(parts[2]);
        int cores = Runtime.getRuntime().availableProcessors();
        if (provider.equals("argon2")) {
            hasher = new Argon2PasswordHashProvider(
                    "1.3", "id", 32, memory, iterations, parallelism, new Semaphore(cores));
        } else {
            String prefix = "bench." + provider + ".";
            System.setProperty(prefix + "memory", parts[0]);
            System.setProperty(prefix + "iterations", parts[1]);
            System.setProperty(prefix + "parallelism", parts[2]);
            System.setProperty(prefix + "memoryPooling", Boolean.toString(!provider.endsWith("-unpooled")));
            System.setProperty(prefix + "nativeLibrary", provider.endsWith("-reference") ? "argon2-jvm" : "auto");
            NativeArgon2PasswordHashProviderFactory factory = new NativeArgon2PasswordHashProviderFactory();
            factory.init(new Config.SystemPropertiesScope(prefix));
            hasher = factory.create(null);
        }
        credential = hasher.encodedCredential(PASSWORD, -1);
        if (!hasher.verify(PASSWORD, credential) || hasher.verify(PASSWORD + "x", credential)) {
            throw new IllegalStateException(provider + " does not verify its own credential");
        }
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify(PASSWORD, credential);
    }
}
