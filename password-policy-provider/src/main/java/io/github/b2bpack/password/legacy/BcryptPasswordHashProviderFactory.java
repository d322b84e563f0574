package io.github.b2bpack.password.legacy;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import io.github.b2bpack.password.legacy.format.BcryptHash;

/**
 * {@code bcrypt}: imported {@code $2a$}/{@code $2b$}/{@code $2y$} hashes, the whole modular crypt
 * string in {@code secretData.value}.
 */
public final class BcryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "bcrypt";
    static final String MAX_COST = "max-cost";
    static final int DEFAULT_MAX_COST = 14;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    LegacyHashVerifier configure(Options options) {
        int maxCost = options.intOption(MAX_COST, DEFAULT_MAX_COST, BcryptHash.MIN_COST, 31);
        return (password, credential) -> BcryptHash.parse(credential.getPasswordSecretData().getValue(), maxCost).matches(password);
    }

    @Override
    void describeOptions(ProviderConfigurationBuilder builder) {
        intOption(builder, MAX_COST, DEFAULT_MAX_COST,
                "Highest bcrypt cost accepted from an imported hash (4-31); each step doubles the work. Hashes above it never verify.");
    }
}
