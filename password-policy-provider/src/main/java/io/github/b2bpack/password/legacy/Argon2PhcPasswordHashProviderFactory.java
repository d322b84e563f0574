package io.github.b2bpack.password.legacy;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import io.github.b2bpack.password.legacy.format.Argon2PhcHash;

/**
 * {@code argon2-phc}: imported argon2i/argon2d/argon2id PHC strings in {@code secretData.value}. Not to be
 * confused with Keycloak's built-in {@code argon2}, whose credentials keep the raw hash and parameters apart.
 */
public final class Argon2PhcPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "argon2-phc";
    static final String MAX_MEMORY_KIB = "max-memory-kib";
    static final String MAX_ITERATIONS = "max-iterations";
    static final String MAX_PARALLELISM = "max-parallelism";
    static final int DEFAULT_MAX_MEMORY_KIB = 131072;
    static final int DEFAULT_MAX_ITERATIONS = 16;
    static final int DEFAULT_MAX_PARALLELISM = 16;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    LegacyHashVerifier configure(Options options) {
        Argon2PhcHash.Limits limits = new Argon2PhcHash.Limits(
                options.intOption(MAX_MEMORY_KIB, DEFAULT_MAX_MEMORY_KIB, 8, 4 * 1024 * 1024),
                options.intOption(MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS, 1, 1024),
                options.intOption(MAX_PARALLELISM, DEFAULT_MAX_PARALLELISM, 1, 255));
        return (password, credential) -> Argon2PhcHash.parse(credential.getPasswordSecretData().getValue(), limits).matches(password);
    }

    @Override
    void describeOptions(ProviderConfigurationBuilder builder) {
        intOption(builder, MAX_MEMORY_KIB, DEFAULT_MAX_MEMORY_KIB,
                "Highest Argon2 memory m (KiB) accepted from an imported hash; it is allocated on the heap per login. Hashes above it never verify.");
        intOption(builder, MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS,
                "Highest Argon2 pass count t accepted from an imported hash.");
        intOption(builder, MAX_PARALLELISM, DEFAULT_MAX_PARALLELISM,
                "Highest Argon2 lane count p accepted from an imported hash.");
    }
}
