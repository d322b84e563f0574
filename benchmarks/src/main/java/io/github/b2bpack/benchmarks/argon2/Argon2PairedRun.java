package io.github.b2bpack.benchmarks.argon2;

import io.github.b2bpack.password.hashing.NativeArgon2PasswordHashProviderFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The same comparison as {@link Argon2VerifyBenchmark}, made robust to a shared, noisy machine: every
 * round times one password check by each provider back to back, in a random order, so load that
 * comes and goes hits all of them alike; the ratio is taken between medians. With {@code threads}
 * &gt; 1 that many threads run rounds at once (the providers then share the CPUs as logins would).
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.b2bpack.benchmarks.argon2.Argon2PairedRun [rounds] [threads]}
 */
public final class Argon2PairedRun {

    private static final String PASSWORD = "Correct-Horse-Battery-9";
    /** Built-in, argon2-native (SIMD build, pooled), without pooling, and on argon2-jvm's reference build. */
    private static final String[] PROVIDERS = {
        "argon2", "argon2-native", "argon2-native-unpooled", "argon2-native-reference"
    };

    private static final int[][] COSTS = {{7168, 5, 1}, {19456, 2, 1}, {47104, 1, 1}, {65536, 3, 1}};

    private Argon2PairedRun() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.printf(
                "rounds=%d threads=%d cpus=%d java=%s%n",
                rounds, threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println(
                "| m KiB, t, p | threads | built-in argon2 ms | argon2-native ms | unpooled ms | reference-build ms | native vs built-in | unpooled vs built-in | reference vs built-in |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int[] cost : COSTS) {
            PasswordHashProvider[] hashers = new PasswordHashProvider[PROVIDERS.length];
            PasswordCredentialModel[] credentials = new PasswordCredentialModel[PROVIDERS.length];
            for (int i = 0; i < PROVIDERS.length; i++) {
                hashers[i] = provider(PROVIDERS[i], cost);
                credentials[i] = hashers[i].encodedCredential(PASSWORD, -1);
            }
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < PROVIDERS.length; i++) {
                    check(hashers[i].verify(PASSWORD, credentials[i]));
                }
            }
            List<List<Long>> times = new ArrayList<>();
            for (int i = 0; i < PROVIDERS.length; i++) {
                times.add(Collections.synchronizedList(new ArrayList<>()));
            }
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                Thread worker = new Thread(() -> {
                    Random random = new Random(seed);
                    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
                    for (int r = 0; r < rounds; r++) {
                        Collections.shuffle(order, random);
                        for (int i : order) {
                            long start = System.nanoTime();
                            check(hashers[i].verify(PASSWORD, credentials[i]));
                            times.get(i).add(System.nanoTime() - start);
                        }
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double[] median = new double[PROVIDERS.length];
            for (int i = 0; i < PROVIDERS.length; i++) {
                long[] sorted = times.get(i).stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                median[i] = sorted[sorted.length / 2] / 1e6;
            }
            System.out.printf(
                    "| %d, %d, %d | %d | %.1f | %.1f | %.1f | %.1f | **%.2f×** | %.2f× | %.2f× |%n",
                    cost[0],
                    cost[1],
                    cost[2],
                    threads,
                    median[0],
                    median[1],
                    median[2],
                    median[3],
                    median[0] / median[1],
                    median[0] / median[2],
                    median[0] / median[3]);
        }
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("a provider failed to verify its own credential");
        }
    }

    static PasswordHashProvider provider(String name, int[] cost) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (name.equals("argon2")) {
            return new Argon2PasswordHashProvider("1.3", "id", 32, cost[0], cost[1], cost[2], new Semaphore(cores));
        }
        String prefix = "paired." + name + "." + cost[0] + ".";
        System.setProperty(prefix + "memory", Integer.toString(cost[0]));
        System.setProperty(prefix + "iterations", Integer.toString(cost[1]));
        System.setProperty(prefix + "parallelism", Integer.toString(cost[2]));
        System.setProperty(prefix + "memoryPooling", Boolean.toString(!name.endsWith("-unpooled")));
        System.setProperty(prefix + "nativeLibrary", name.endsWith("-reference") ? "argon2-jvm" : "auto");
        NativeArgon2PasswordHashProviderFactory factory = new NativeArgon2PasswordHashProviderFactory();
        factory.init(new Config.SystemPropertiesScope(prefix));
        return factory.create(null);
    }
}
