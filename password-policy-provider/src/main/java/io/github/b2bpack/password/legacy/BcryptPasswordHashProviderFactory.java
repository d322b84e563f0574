package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.format.BcryptHash;
import java.util.Map;

/**
 * {@code bcrypt}: imported {@code $2a$}/{@code $2b$}/{@code $2y$} hashes, the whole modular crypt
 * string in {@code secretData.value}.
 */
public final class BcryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "bcrypt";
    static final Cap MAX_COST = new Cap(
            "max-cost",
            14,
            BcryptHash.MIN_COST,
            31,
            "Highest bcrypt cost accepted from an imported hash (4-31); each step doubles the work. Hashes above it never verify.");

    public BcryptPasswordHashProviderFactory() {
        super(ID, MAX_COST);
    }

    @Override
    LegacyHashReader reader(Map<Cap, Integer> configured) {
        int maxCost = configured.get(MAX_COST);
        return credential -> BcryptHash.parse(storedValue(credential), maxCost);
    }
}
