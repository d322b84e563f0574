package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.format.ScryptHash;
import java.util.Map;

/** {@code scrypt}: imported PHC strings {@code $scrypt$ln=…,r=…,p=…$salt$hash} in {@code secretData.value}. */
public final class ScryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String ID = "scrypt";
    static final Cap MAX_MEMORY_KIB = new Cap(
            "max-memory-kib",
            131072,
            1,
            4 * 1024 * 1024,
            "Highest scrypt memory (128 * N * r bytes, in KiB) accepted from an imported hash; hashes above it never verify.");
    static final Cap MAX_PARALLELISM = new Cap(
            "max-parallelism",
            16,
            1,
            1024,
            "Highest scrypt p accepted from an imported hash; the work grows linearly with p.");

    public ScryptPasswordHashProviderFactory() {
        super(ID, MAX_MEMORY_KIB, MAX_PARALLELISM);
    }

    @Override
    LegacyHashReader reader(Map<Cap, Integer> configured) {
        ScryptHash.Limits limits =
                new ScryptHash.Limits(configured.get(MAX_MEMORY_KIB), configured.get(MAX_PARALLELISM));
        return credential -> ScryptHash.parse(storedValue(credential), limits);
    }
}
