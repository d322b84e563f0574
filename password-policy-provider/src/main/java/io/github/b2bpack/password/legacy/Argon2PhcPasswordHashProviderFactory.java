package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.format.Argon2PhcHash;
import java.util.Map;

/**
 * {@code argon2-phc}: imported argon2i/argon2d/argon2id PHC strings in {@code secretData.value}. Not to be
 * confused with Keycloak's built-in {@code argon2}, whose credentials keep the raw hash and parameters apart.
 */
public final class Argon2PhcPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "argon2-phc";
    static final Cap MAX_MEMORY_KIB = new Cap(
            "max-memory-kib",
            131072,
            8,
            4 * 1024 * 1024,
            "Highest Argon2 memory m (KiB) accepted from an imported hash; it is allocated on the heap per login. Hashes above it never verify.");
    static final Cap MAX_ITERATIONS =
            new Cap("max-iterations", 16, 1, 1024, "Highest Argon2 pass count t accepted from an imported hash.");
    static final Cap MAX_PARALLELISM =
            new Cap("max-parallelism", 16, 1, 255, "Highest Argon2 lane count p accepted from an imported hash.");

    public Argon2PhcPasswordHashProviderFactory() {
        super(ID, MAX_MEMORY_KIB, MAX_ITERATIONS, MAX_PARALLELISM);
    }

    @Override
    LegacyHashReader reader(Map<Cap, Integer> configured) {
        Argon2PhcHash.Limits limits = new Argon2PhcHash.Limits(
                configured.get(MAX_MEMORY_KIB), configured.get(MAX_ITERATIONS), configured.get(MAX_PARALLELISM));
        return credential -> Argon2PhcHash.parse(storedValue(credential), limits);
    }
}
