package io.github.b2bpack.password.hashing.nativelib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** Native hashes are byte-identical to BouncyCastle's (the engine of Keycloak's built-in argon2). */
class NativeArgon2Test {

    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASSWORD = "Correct-Horse-Battery-9 🔐".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PEPPER = "pepper-k1-0123456789".getBytes(StandardCharsets.UTF_8);

    private final NativeArgon2 pooled =
            NativeArgon2.load(2, true, LibArgon2Loader.Choice.AUTO, NativeArgon2.DEFAULT_SLOT_WAIT);
    private final NativeArgon2 unpooled =
            NativeArgon2.load(2, false, LibArgon2Loader.Choice.AUTO, NativeArgon2.DEFAULT_SLOT_WAIT);
    /** argon2-jvm's (or the system's) reference build, for comparison with the shipped SIMD build. */
    private final NativeArgon2 reference =
            NativeArgon2.load(1, true, LibArgon2Loader.Choice.ARGON2_JVM, NativeArgon2.DEFAULT_SLOT_WAIT);

    @Test
    void matchesBouncyCastleWithAndWithoutPepper() {
        for (Argon2Cost cost :
                List.of(new Argon2Cost(1024, 1, 1), new Argon2Cost(7168, 2, 1), new Argon2Cost(4096, 2, 2))) {
            for (byte[] pepper : new byte[][] {null, PEPPER}) {
                byte[] expected = bouncyCastle(
                        Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, cost, PASSWORD, pepper, 32);
                assertArrayEquals(
                        expected,
                        pooled.hash(NativeArgon2.Type.ID, NativeArgon2.Version.V13, cost, PASSWORD, SALT, pepper, 32),
                        cost + " pooled");
                assertArrayEquals(
                        expected,
                        unpooled.hash(NativeArgon2.Type.ID, NativeArgon2.Version.V13, cost, PASSWORD, SALT, pepper, 32),
                        cost + " unpooled");
                assertArrayEquals(
                        expected,
                        reference.hash(
                                NativeArgon2.Type.ID, NativeArgon2.Version.V13, cost, PASSWORD, SALT, pepper, 32),
                        cost + " reference build");
            }
        }
    }

    @Test
    void otherTypesVersionsAndEmptyPasswordsMatchToo() {
        Argon2Cost cost = new Argon2Cost(1024, 2, 1);
        assertArrayEquals(
                bouncyCastle(Argon2Parameters.ARGON2_i, Argon2Parameters.ARGON2_VERSION_10, cost, PASSWORD, null, 16),
                pooled.hash(NativeArgon2.Type.I, NativeArgon2.Version.V10, cost, PASSWORD, SALT, null, 16));
        assertArrayEquals(
                bouncyCastle(Argon2Parameters.ARGON2_d, Argon2Parameters.ARGON2_VERSION_13, cost, PASSWORD, null, 64),
                pooled.hash(NativeArgon2.Type.D, NativeArgon2.Version.V13, cost, PASSWORD, SALT, null, 64));
        assertArrayEquals(
                bouncyCastle(
                        Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, cost, new byte[0], null, 32),
                pooled.hash(NativeArgon2.Type.ID, NativeArgon2.Version.V13, cost, new byte[0], SALT, null, 32));
    }

    @Test
    void concurrentHashesReusePooledBlocksAndStayCorrect() throws Exception {
        Argon2Cost cost = new Argon2Cost(4096, 1, 1);
        byte[] expected =
                bouncyCastle(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, cost, PASSWORD, null, 32);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(threads.submit(() ->
                        pooled.hash(NativeArgon2.Type.ID, NativeArgon2.Version.V13, cost, PASSWORD, SALT, null, 32)));
            }
            for (Future<byte[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
        long blockBytes = cost.memoryKiB() * 1024L;
        assertTrue(
                pooled.pooledBytes() >= blockBytes && pooled.pooledBytes() <= 2 * blockBytes,
                "pooled " + pooled.pooledBytes());
        assertEquals(0, unpooled.pooledBytes());
    }

    @Test
    void theShippedSimdBuildIsUsedOnX8664Linux() {
        if (LibArgon2Loader.simdBuildForThisCpu() != null) {
            assertTrue(pooled.libraryDescription().contains("shipped SIMD build"), pooled.libraryDescription());
        }
        assertTrue(reference.libraryDescription().contains("argon2-jvm"), reference.libraryDescription());
        assertThrows(IllegalArgumentException.class, () -> LibArgon2Loader.Choice.of("fastest"));
    }

    @Test
    void libargon2ErrorsSurfaceWithoutSecrets() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> pooled.hash(
                        NativeArgon2.Type.ID,
                        NativeArgon2.Version.V13,
                        new Argon2Cost(1024, 1, 1),
                        PASSWORD,
                        new byte[4],
                        PEPPER,
                        32));
        assertTrue(e.getMessage().startsWith("libargon2 failed: Salt is too short"), e.getMessage());
    }

    static byte[] bouncyCastle(int type, int version, Argon2Cost cost, byte[] password, byte[] secret, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withSalt(SALT)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism());
        if (secret != null) {
            builder.withSecret(secret);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
