package io.github.b2bpack.password.legacy.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * An scrypt hash in PHC form: {@code $scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<salt>$<hash>}
 * (as written by passlib and the PHC reference), salt and hash in unpadded Base64.
 */
public final class ScryptHash implements LegacyHash {

    private final int logN;
    private final int r;
    private final int p;
    private final byte[] salt;
    private final byte[] hash;

    private ScryptHash(int logN, int r, int p, byte[] salt, byte[] hash) {
        this.logN = logN;
        this.r = r;
        this.p = p;
        this.salt = salt;
        this.hash = hash;
    }

    public static ScryptHash parse(String encoded, Limits limits) throws HashRejected {
        PhcString phc = PhcString.parse(encoded);
        if (!phc.id().equals("scrypt")
                || phc.version() != null
                || phc.parameters().size() != 3) {
            throw new HashRejected("not a $scrypt$ln=…,r=…,p=… PHC string");
        }
        int logN = phc.intParameter("ln", 1, 31);
        int r = phc.intParameter("r", 1, 1024);
        int p = phc.intParameter("p", 1, limits.maxParallelism());
        // RFC 7914: N < 2^(128 * r / 8). BouncyCastle throws IllegalArgumentException at verification
        // otherwise (LegacyHashFuzzTest input regression-scrypt-ln16-r1).
        if (logN >= 16L * r) {
            throw new HashRejected("scrypt ln=" + logN + " not below 16 * r=" + r);
        }
        // scrypt allocates 128 * N * r bytes: refuse before allocating.
        long memoryKib = (128L << logN) * r / 1024;
        if (memoryKib > limits.maxMemoryKib()) {
            throw new HashRejected(
                    "scrypt memory " + memoryKib + " KiB above the cap of " + limits.maxMemoryKib() + " KiB");
        }
        checkLengths(phc.salt(), phc.hash());
        return new ScryptHash(logN, r, p, phc.salt(), phc.hash());
    }

    static void checkLengths(byte[] salt, byte[] hash) throws HashRejected {
        if (salt.length < 1 || salt.length > 1024) {
            throw new HashRejected("salt length " + salt.length + " outside [1, 1024]");
        }
        if (hash.length < 12 || hash.length > 128) {
            throw new HashRejected("hash length " + hash.length + " outside [12, 128]");
        }
    }

    @Override
    public boolean matches(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(hash, SCrypt.generate(utf8, salt, 1 << logN, r, p, hash.length));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Caps on imported cost parameters. */
    public record Limits(long maxMemoryKib, int maxParallelism) {}
}
