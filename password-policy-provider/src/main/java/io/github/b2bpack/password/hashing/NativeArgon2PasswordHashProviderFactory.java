package io.github.b2bpack.password.hashing;

import io.github.b2bpack.password.hashing.nativelib.Argon2Cost;
import io.github.b2bpack.password.hashing.nativelib.Argon2Limits;
import io.github.b2bpack.password.hashing.nativelib.LibArgon2Loader;
import io.github.b2bpack.password.hashing.nativelib.NativeArgon2;
import io.github.b2bpack.password.hashing.pepper.PepperRing;
import io.github.b2bpack.password.options.IntOption;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Creates {@code argon2-native} providers. Server-wide options (all optional):
 * {@code --spi-password-hashing--argon2-native--memory|iterations|parallelism|max-memory|max-iterations|max-parallelism|
 * max-concurrent-hashes|slot-timeout-millis|memory-pooling|peppers|current-pepper-id}.
 * Out-of-range values stop the server at startup with a message naming the option.
 */
public final class NativeArgon2PasswordHashProviderFactory implements PasswordHashProviderFactory {

    public static final String ID = "argon2-native";

    static final String MEMORY = "memory";
    static final String ITERATIONS = "iterations";
    static final String PARALLELISM = "parallelism";
    static final String MAX_CONCURRENT_HASHES = "maxConcurrentHashes";
    static final String MEMORY_POOLING = "memoryPooling";
    static final String NATIVE_LIBRARY = "nativeLibrary";
    static final String PEPPERS = "peppers";
    static final String CURRENT_PEPPER_ID = "currentPepperId";
    static final String MAX_MEMORY = "maxMemory";
    static final String MAX_ITERATIONS = "maxIterations";
    static final String MAX_PARALLELISM = "maxParallelism";
    static final String SLOT_TIMEOUT_MILLIS = "slotTimeoutMillis";

    /** How operators write this provider's options, for error messages. */
    private static final String FLAG_PREFIX = "spi-password-hashing--" + ID + "--";

    private static final Logger LOG = Logger.getLogger(NativeArgon2PasswordHashProviderFactory.class);

    private NativeArgon2 argon2;
    private Argon2Cost cost;
    private Argon2Limits limits;
    private PepperRing peppers;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordHashProvider create(KeycloakSession session) {
        return new NativeArgon2PasswordHashProvider(
                argon2, cost, limits, peppers, new PepperSource(session == null ? () -> null : session::vault));
    }

    @Override
    public void init(Config.Scope config) {
        cost = new Argon2Cost(
                integer(config, MEMORY, "memory", Argon2Cost.DEFAULT.memoryKiB()),
                integer(config, ITERATIONS, "iterations", Argon2Cost.DEFAULT.iterations()),
                integer(config, PARALLELISM, "parallelism", Argon2Cost.DEFAULT.parallelism()));
        String problem = cost.problem();
        if (problem != null) {
            throw new IllegalArgumentException(ID + ": " + problem + " (options --spi-password-hashing--" + ID
                    + "--memory|iterations|parallelism)");
        }
        Argon2Limits defaults = Argon2Limits.defaultsFor(cost);
        limits = new Argon2Limits(
                integer(config, MAX_MEMORY, "max-memory", defaults.maxMemoryKiB()),
                integer(config, MAX_ITERATIONS, "max-iterations", defaults.maxIterations()),
                integer(config, MAX_PARALLELISM, "max-parallelism", defaults.maxParallelism()));
        problem = limits.problemWith(cost);
        if (problem != null) {
            throw new IllegalArgumentException(ID + ": " + problem + " (options --spi-password-hashing--" + ID
                    + "--max-memory|max-iterations|max-parallelism)");
        }
        int maxConcurrent = new IntOption(FLAG_PREFIX + "max-concurrent-hashes", 1, 1024)
                .parse(config.get(MAX_CONCURRENT_HASHES), Runtime.getRuntime().availableProcessors());
        int slotTimeout = new IntOption(FLAG_PREFIX + "slot-timeout-millis", 1, 600_000)
                .parse(config.get(SLOT_TIMEOUT_MILLIS), (int) NativeArgon2.DEFAULT_SLOT_WAIT.toMillis());
        try {
            peppers = PepperRing.parse(config.get(PEPPERS), config.get(CURRENT_PEPPER_ID));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ID + ": " + e.getMessage() + " (options --spi-password-hashing--" + ID
                    + "--peppers and --current-pepper-id)");
        }
        boolean pooling = config.getBoolean(MEMORY_POOLING, true);
        LibArgon2Loader.Choice library;
        try {
            library = LibArgon2Loader.Choice.of(config.get(NATIVE_LIBRARY));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ID + ": " + e.getMessage() + " (option --spi-password-hashing--" + ID + "--native-library)");
        }
        argon2 = NativeArgon2.load(maxConcurrent, pooling, library, Duration.ofMillis(slotTimeout));
        LOG.infof(
                "%s: argon2id m=%d KiB t=%d p=%d (stored credentials at most m=%d t=%d p=%d), %d concurrent hashes "
                        + "(wait at most %d ms), memory pooling %s, %s, %s",
                ID,
                cost.memoryKiB(),
                cost.iterations(),
                cost.parallelism(),
                limits.maxMemoryKiB(),
                limits.maxIterations(),
                limits.maxParallelism(),
                maxConcurrent,
                slotTimeout,
                pooling ? "on" : "off",
                argon2.libraryDescription(),
                peppers);
    }

    /** An integer whose range is checked with its siblings ({@link Argon2Cost#problem}, {@link Argon2Limits#problemWith}). */
    private static int integer(Config.Scope config, String key, String flag, int defaultValue) {
        return IntOption.anyInt(FLAG_PREFIX + flag).parse(config.get(key), defaultValue);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    /** The configured pepper key ids and current key (for the rotation report). */
    public PepperRing peppers() {
        return peppers;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(MEMORY)
                .type("int")
                .defaultValue(Argon2Cost.DEFAULT.memoryKiB())
                .helpText(
                        "Argon2id memory in KiB (" + Argon2Cost.MIN_MEMORY_KIB + "-" + Argon2Cost.MAX_MEMORY_KIB + ").")
                .add()
                .property()
                .name(ITERATIONS)
                .type("int")
                .defaultValue(Argon2Cost.DEFAULT.iterations())
                .helpText("Argon2id passes (1-100). A realm policy hashIterations(n) with n in 1-100 overrides it.")
                .add()
                .property()
                .name(PARALLELISM)
                .type("int")
                .defaultValue(Argon2Cost.DEFAULT.parallelism())
                .helpText("Argon2id lanes and threads per hash (1-16).")
                .add()
                .property()
                .name(MAX_MEMORY)
                .type("int")
                .helpText(
                        "Highest memory in KiB a stored credential may ask for; above it the login fails like a wrong password "
                                + "without hashing, with a warning. Default: 4 x memory (at most "
                                + Argon2Cost.MAX_MEMORY_KIB + ").")
                .add()
                .property()
                .name(MAX_ITERATIONS)
                .type("int")
                .defaultValue(Argon2Limits.DEFAULT_MAX_ITERATIONS)
                .helpText(
                        "Highest passes a stored credential may ask for (refused above it, like max-memory); a realm policy "
                                + "hashIterations(n) above it is clamped to it. Default 10 (or iterations, if higher).")
                .add()
                .property()
                .name(MAX_PARALLELISM)
                .type("int")
                .defaultValue(Argon2Limits.DEFAULT_MAX_PARALLELISM)
                .helpText(
                        "Highest lanes a stored credential may ask for (refused above it, like max-memory). Default 4 (or parallelism, if higher).")
                .add()
                .property()
                .name(MAX_CONCURRENT_HASHES)
                .type("int")
                .helpText(
                        "Hashes computed at once; more logins wait (see slot-timeout-millis). Default: the number of CPU cores.")
                .add()
                .property()
                .name(SLOT_TIMEOUT_MILLIS)
                .type("int")
                .defaultValue(NativeArgon2.DEFAULT_SLOT_WAIT.toMillis())
                .helpText(
                        "How long a hash waits for one of the max-concurrent-hashes slots (1-600000 ms); then a login fails like a "
                                + "wrong password and setting a password fails, with a warning, instead of waiting for ever.")
                .add()
                .property()
                .name(MEMORY_POOLING)
                .type("boolean")
                .defaultValue(true)
                .helpText(
                        "Reuse native Argon2 memory blocks between hashes (up to max-concurrent-hashes blocks stay allocated).")
                .add()
                .property()
                .name(NATIVE_LIBRARY)
                .type("string")
                .defaultValue("auto")
                .options("auto", "argon2-jvm")
                .helpText(
                        "auto: on x86-64 Linux the AVX2 or SSE4.2 build of libargon2 shipped in this jar; argon2-jvm: argon2-jvm's (or the system's) reference build.")
                .add()
                .property()
                .name(PEPPERS)
                .type("string")
                .helpText(
                        "Peppers as key-id:value pairs separated by commas; a value is inline text (at least 16 bytes) or ${vault.name}. "
                                + "Set it through an environment variable or the config keystore, not the command line.")
                .secret(true)
                .add()
                .property()
                .name(CURRENT_PEPPER_ID)
                .type("string")
                .helpText(
                        "Key id of the pepper new hashes use; empty for none. Credentials under other configured keys still verify and are re-hashed at login.")
                .add()
                .build();
    }

    @Override
    public int order() {
        // Below the built-in argon2 (300): choosing argon2-native is always explicit, through
        // hashAlgorithm(argon2-native).
        return 0;
    }

    @Override
    public void close() {}
}
