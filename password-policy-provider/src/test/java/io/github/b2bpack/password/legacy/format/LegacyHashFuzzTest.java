package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Imported password hashes are untrusted input (a tenant admin or a migration file supplies them).
 * Every input is given to every parser: each must return a hash within its caps or throw
 * {@link HashRejected}, and a hash it accepted must verify without throwing. Seeds: the
 * {@code LegacyHashFuzzTestInputs/hashes} directory beside this class, one raw hash string per file.
 */
class LegacyHashFuzzTest {

    // Small caps keep one verification under a millisecond or so, whatever the fuzzer writes.
    private static final Argon2PhcHash.Limits ARGON2 = new Argon2PhcHash.Limits(64, 2, 2);
    private static final ScryptHash.Limits SCRYPT = new ScryptHash.Limits(16384, 2);
    private static final int BCRYPT_VERIFY_MAX_COST = 5;

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void hashes(byte[] input) {
        String encoded = new String(input, StandardCharsets.UTF_8);
        phc(encoded);
        argon2(encoded);
        scrypt(encoded);
        bcrypt(encoded);
        saltedDigest(encoded);
    }

    private static void phc(String encoded) {
        try {
            PhcString phc = PhcString.parse(encoded);
            assertTrue(encoded.length() <= PhcString.MAX_LENGTH);
            assertTrue(phc.id().matches("[a-z0-9-]{1,32}"), "algorithm id");
            assertTrue(phc.version() == null || phc.version() >= 0, "version");
            assertNotNull(phc.salt());
            assertNotNull(phc.hash());
            for (String name : phc.parameters().keySet()) {
                try {
                    phc.intParameter(name, 0, Integer.MAX_VALUE);
                } catch (HashRejected expected) {
                    // a non-numeric parameter value is the caller's to refuse
                }
            }
        } catch (HashRejected expected) {
            // the documented refusal
        }
    }

    private static void argon2(String encoded) {
        try {
            Argon2PhcHash hash = Argon2PhcHash.parse(encoded, ARGON2);
            assertTrue(hash.memoryKib() <= ARGON2.maxMemoryKib(), "memory cap");
            hash.matches("password");
        } catch (HashRejected expected) {
            // the documented refusal
        }
    }

    private static void scrypt(String encoded) {
        try {
            ScryptHash.parse(encoded, SCRYPT).matches("password");
        } catch (HashRejected expected) {
            // the documented refusal
        }
    }

    private static void bcrypt(String encoded) {
        try {
            BcryptHash hash = BcryptHash.parse(encoded, 31);
            assertTrue(hash.cost() >= BcryptHash.MIN_COST && hash.cost() <= 31, "cost range");
            if (hash.cost() <= BCRYPT_VERIFY_MAX_COST) {
                hash.matches("password");
            }
        } catch (HashRejected expected) {
            // the documented refusal
        }
        try {
            BcryptHash.parse(encoded, 4);
        } catch (HashRejected expected) {
            // the documented refusal
        }
    }

    private static void saltedDigest(String encoded) {
        for (String algorithm : new String[] {"MD5", "SHA-1"}) {
            try {
                SaltedDigest.parse(algorithm, encoded, new byte[0], SaltedDigest.SaltPosition.NONE)
                        .matches("password");
            } catch (HashRejected expected) {
                // the documented refusal
            }
        }
        try {
            SaltedDigest.SaltPosition position = SaltedDigest.SaltPosition.parse(encoded, true);
            assertFalse(position == SaltedDigest.SaltPosition.NONE, "a salt needs a position");
        } catch (HashRejected expected) {
            // the documented refusal
        }
        try {
            assertEquals(SaltedDigest.SaltPosition.NONE, SaltedDigest.SaltPosition.parse(encoded, false));
        } catch (HashRejected expected) {
            // the documented refusal
        }
    }
}
