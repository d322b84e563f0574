package io.github.b2bpack.password.legacy.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2 hash in PHC form, as written by libargon2, libsodium, argon2-cffi and PHP:
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} ({@code argon2i}, {@code argon2d},
 * {@code argon2id}; {@code v} absent means version 0x10).
 */
public final class Argon2PhcHash implements LegacyHash {

    private static final Map<String, Integer> TYPES = Map.of(
            "argon2d", Argon2Parameters.ARGON2_d,
            "argon2i", Argon2Parameters.ARGON2_i,
            "argon2id", Argon2Parameters.ARGON2_id);
    private static final Set<String> PARAMETERS = Set.of("m", "t", "p");

    private final Argon2Parameters parameters;
    private final byte[] hash;

    private Argon2PhcHash(Argon2Parameters parameters, byte[] hash) {
        this.parameters = parameters;
        this.hash = hash;
    }

    public static Argon2PhcHash parse(String encoded, Limits limits) throws HashRejected {
        PhcString phc = PhcString.parse(encoded);
        Integer type = TYPES.get(phc.id());
        if (type == null || !phc.parameters().keySet().equals(PARAMETERS)) {
            throw new HashRejected("not an $argon2i$, $argon2d$ or $argon2id$ PHC string with m, t and p");
        }
        int version = phc.version() == null ? Argon2Parameters.ARGON2_VERSION_10 : phc.version();
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            throw new HashRejected("argon2 version " + version + " is neither 16 nor 19");
        }
        int p = phc.intParameter("p", 1, limits.maxParallelism());
        int t = phc.intParameter("t", 1, limits.maxIterations());
        // Argon2 needs at least 8 KiB per lane; memory is allocated on the heap by BouncyCastle.
        int m = phc.intParameter("m", 8 * p, limits.maxMemoryKib());
        if (phc.salt().length < 8 || phc.salt().length > 64) {
            throw new HashRejected("argon2 salt length " + phc.salt().length + " outside [8, 64]");
        }
        if (phc.hash().length < 4 || phc.hash().length > 128) {
            throw new HashRejected("argon2 hash length " + phc.hash().length + " outside [4, 128]");
        }
        Argon2Parameters parameters = new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(phc.salt())
                .build();
        return new Argon2PhcHash(parameters, phc.hash());
    }

    /** The stored memory cost (tests check the caps against it). */
    int memoryKib() {
        return parameters.getMemory();
    }

    @Override
    public boolean matches(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] candidate = new byte[hash.length];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(utf8, candidate);
            return MessageDigest.isEqual(hash, candidate);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Caps on imported cost parameters. */
    public record Limits(int maxMemoryKib, int maxIterations, int maxParallelism) {}
}
