package io.github.b2bpack.password.legacy;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import io.github.b2bpack.password.legacy.format.ScryptHash;

/** {@code scrypt}: imported PHC strings {@code $scrypt$ln=…,r=…,p=…$salt$hash} in {@code secretData.value}. */
public final class ScryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "scrypt";
    static final String MAX_MEMORY_KIB = "max-memory-kib";
    static final String MAX_PARALLELISM = "max-parallelism";
    static final int DEFAULT_MAX_MEMORY_KIB = 131072;
    static final int DEFAULT_MAX_PARALLELISM = 16;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    LegacyHashVerifier configure(Options options) {
        ScryptHash.Limits limits = new ScryptHash.Limits(
                options.intOption(MAX_MEMORY_KIB, DEFAULT_MAX_MEMORY_KIB, 1, 4 * 1024 * 1024),
                options.intOption(MAX_PARALLELISM, DEFAULT_MAX_PARALLELISM, 1, 1024));
        return (password, credential) -> ScryptHash.parse(credential.getPasswordSecretData().getValue(), limits).matches(password);
    }

    @Override
    void describeOptions(ProviderConfigurationBuilder builder) {
        intOption(builder, MAX_MEMORY_KIB, DEFAULT_MAX_MEMORY_KIB,
                "Highest scrypt memory (128 * N * r bytes, in KiB) accepted from an imported hash; hashes above it never verify.");
        intOption(builder, MAX_PARALLELISM, DEFAULT_MAX_PARALLELISM,
                "Highest scrypt p accepted from an imported hash; the work grows linearly with p.");
    }
}
