package io.github.b2bpack.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.password.hashing.nativelib.Argon2Cost;
import io.github.b2bpack.password.hashing.nativelib.Argon2Limits;
import io.github.b2bpack.password.hashing.nativelib.LibArgon2Loader;
import io.github.b2bpack.password.hashing.nativelib.NativeArgon2;
import io.github.b2bpack.password.hashing.pepper.PepperRing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

class NativeArgon2PasswordHashProviderTest {

    private static final NativeArgon2 ARGON2 =
            NativeArgon2.load(2, true, LibArgon2Loader.Choice.AUTO, NativeArgon2.DEFAULT_SLOT_WAIT);
    private static final Argon2Cost SMALL = new Argon2Cost(1024, 2, 1);
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String K1 = "k1:first-pepper-value-0001";
    private static final String K2 = "k2:second-pepper-value-002";

    private static NativeArgon2PasswordHashProvider provider(Argon2Cost cost, PepperRing peppers) {
        return new NativeArgon2PasswordHashProvider(
                ARGON2, cost, Argon2Limits.defaultsFor(cost), peppers, new PepperSource(() -> null));
    }

    /** Keycloak's own built-in argon2 provider at the same cost. */
    private static Argon2PasswordHashProvider builtIn(Argon2Cost cost) {
        return new Argon2PasswordHashProvider(
                "1.3", "id", 32, cost.memoryKiB(), cost.iterations(), cost.parallelism(), new Semaphore(2));
    }

    @Test
    void hashesInKeycloaksArgon2Layout() {
        PasswordCredentialModel credential = provider(SMALL, PepperRing.NONE).encodedCredential(PASSWORD, -1);
        PasswordCredentialData data = credential.getPasswordCredentialData();
        assertEquals("argon2-native", data.getAlgorithm());
        assertEquals(2, data.getHashIterations());
        assertEquals(
                Map.of(
                        "type",
                        List.of("id"),
                        "version",
                        List.of("1.3"),
                        "hashLength",
                        List.of("32"),
                        "memory",
                        List.of("1024"),
                        "parallelism",
                        List.of("1")),
                Map.copyOf(data.getAdditionalParameters()));
        assertEquals(16, credential.getPasswordSecretData().getSalt().length);
        assertTrue(provider(SMALL, PepperRing.NONE).verify(PASSWORD, credential));
        assertFalse(provider(SMALL, PepperRing.NONE).verify(PASSWORD + "x", credential));
    }

    @Test
    void keycloaksBuiltInArgon2AndThisProviderVerifyEachOther() {
        PasswordCredentialModel fromBuiltIn = builtIn(SMALL).encodedCredential(PASSWORD, -1);
        assertEquals("argon2", fromBuiltIn.getPasswordCredentialData().getAlgorithm());
        assertTrue(provider(SMALL, PepperRing.NONE).verify(PASSWORD, fromBuiltIn));
        assertFalse(provider(SMALL, PepperRing.NONE).verify("wrong", fromBuiltIn));

        PasswordCredentialModel fromNative =
                provider(SMALL, PepperRing.NONE).encodedCredential("pässwörd 🔐 \u0000 end", -1);
        assertTrue(builtIn(SMALL).verify("pässwörd 🔐 \u0000 end", fromNative));
        assertFalse(builtIn(SMALL).verify("pässwörd", fromNative));
    }

    @Test
    void policyCheckAsksForARehashWhenAlgorithmCostOrPepperDiffer() {
        NativeArgon2PasswordHashProvider plain = provider(SMALL, PepperRing.NONE);
        PasswordCredentialModel current = plain.encodedCredential(PASSWORD, -1);
        assertTrue(plain.policyCheck(null, current));
        assertFalse(plain.policyCheck(null, builtIn(SMALL).encodedCredential(PASSWORD, -1)), "other algorithm");
        assertFalse(provider(new Argon2Cost(2048, 2, 1), PepperRing.NONE).policyCheck(null, current), "other memory");
        assertFalse(provider(SMALL.withIterations(3), PepperRing.NONE).policyCheck(null, current), "other iterations");
        assertFalse(provider(SMALL, PepperRing.parse(K1, "k1")).policyCheck(null, current), "pepper now current");
    }

    @Test
    void pepperRotationVerifiesOldKeysAndMovesToTheCurrentOne() {
        NativeArgon2PasswordHashProvider onK1 = provider(SMALL, PepperRing.parse(K1, "k1"));
        PasswordCredentialModel underK1 = onK1.encodedCredential(PASSWORD, -1);
        assertEquals(
                "k1",
                underK1.getPasswordCredentialData().getAdditionalParameters().getFirst("pepperId"));
        assertTrue(onK1.verify(PASSWORD, underK1));
        assertTrue(onK1.policyCheck(null, underK1));
        assertFalse(builtIn(SMALL).verify(PASSWORD, underK1), "a peppered hash is useless without the pepper");

        NativeArgon2PasswordHashProvider rotated = provider(SMALL, PepperRing.parse(K1 + "," + K2, "k2"));
        assertTrue(rotated.verify(PASSWORD, underK1), "old key still verifies");
        assertFalse(rotated.policyCheck(null, underK1), "old key asks for a rehash");
        PasswordCredentialModel underK2 = rotated.encodedCredential(PASSWORD, -1);
        assertEquals(
                "k2",
                underK2.getPasswordCredentialData().getAdditionalParameters().getFirst("pepperId"));
        assertTrue(rotated.policyCheck(null, underK2));

        NativeArgon2PasswordHashProvider k1Dropped = provider(SMALL, PepperRing.parse(K2, "k2"));
        assertFalse(k1Dropped.verify(PASSWORD, underK1), "a removed key no longer verifies");
        assertTrue(k1Dropped.verify(PASSWORD, underK2));
    }

    @Test
    void hostileOrBrokenStoredCredentialsFailClosed() {
        NativeArgon2PasswordHashProvider plain = provider(SMALL, PepperRing.NONE);
        PasswordCredentialModel good = plain.encodedCredential(PASSWORD, -1);
        PasswordSecretData secret = good.getPasswordSecretData();
        for (Map<String, List<String>> parameters : List.of(
                Map.of(
                        "type",
                        List.of("id"),
                        "version",
                        List.of("1.3"),
                        "hashLength",
                        List.of("32"),
                        "memory",
                        List.of("4194304"),
                        "parallelism",
                        List.of("1")),
                Map.of(
                        "type",
                        List.of("id"),
                        "version",
                        List.of("1.3"),
                        "hashLength",
                        List.of("32"),
                        "memory",
                        List.of("1024"),
                        "parallelism",
                        List.of("-1")),
                Map.of(
                        "type",
                        List.of("x"),
                        "version",
                        List.of("1.3"),
                        "hashLength",
                        List.of("32"),
                        "memory",
                        List.of("1024"),
                        "parallelism",
                        List.of("1")),
                Map.of(
                        "type",
                        List.of("id"),
                        "version",
                        List.of("1.3"),
                        "hashLength",
                        List.of("99999999"),
                        "memory",
                        List.of("1024"),
                        "parallelism",
                        List.of("1")),
                Map.of(
                        "type",
                        List.of("id"),
                        "version",
                        List.of("1.3"),
                        "memory",
                        List.of("NaN"),
                        "parallelism",
                        List.of("1")))) {
            PasswordCredentialModel hostile = PasswordCredentialModel.createFromValues(
                    new PasswordCredentialData(2, "argon2-native", parameters), secret);
            assertFalse(plain.verify(PASSWORD, hostile), parameters.toString());
            assertFalse(plain.policyCheck(null, hostile));
        }
        PasswordCredentialModel badBase64 = PasswordCredentialModel.createFromValues(
                good.getPasswordCredentialData(), new PasswordSecretData("%%%not-base64", secret.getSalt()));
        assertFalse(plain.verify(PASSWORD, badBase64));
        PasswordCredentialModel shortSalt = PasswordCredentialModel.createFromValues(
                good.getPasswordCredentialData(), new PasswordSecretData(secret.getValue(), new byte[3]));
        assertFalse(plain.verify(PASSWORD, shortSalt), "libargon2 refuses a 3-byte salt: a failed login");
    }

    @Test
    void strangePasswordsHashAndVerify() {
        NativeArgon2PasswordHashProvider plain = provider(SMALL, PepperRing.NONE);
        for (String password : new String[] {
            "", "\u0000", "a\uD800b", "\uDFFF", "\u200F\u202Eevil", "🔐".repeat(100), "x".repeat(1 << 20)
        }) {
            PasswordCredentialModel credential = plain.encodedCredential(password, -1);
            assertTrue(plain.verify(password, credential));
        }
        assertFalse(plain.verify("a?b", plain.encodedCredential("a\uD800b", -1)));
        assertNull(new Argon2Cost(1024, 2, 1).problem());
    }

    @Test
    void aSensibleRealmPolicyIterationCountWins() {
        NativeArgon2PasswordHashProvider plain = provider(SMALL, PepperRing.NONE);
        assertEquals(
                3,
                plain.encodedCredential(PASSWORD, 3).getPasswordCredentialData().getHashIterations());
        assertEquals(
                2,
                plain.encodedCredential(PASSWORD, 27_500)
                        .getPasswordCredentialData()
                        .getHashIterations());
    }

    @Test
    void storedCostsAboveTheServerMaximaAreRefusedWithoutHashing() {
        // Limits m<=4096 t<=3 p<=2: each credential below is a valid Argon2 hash of PASSWORD, but costlier than
        // allowed.
        NativeArgon2PasswordHashProvider limited = new NativeArgon2PasswordHashProvider(
                ARGON2, SMALL, new Argon2Limits(4096, 3, 2), PepperRing.NONE, new PepperSource(() -> null));
        for (Argon2Cost over :
                List.of(new Argon2Cost(8192, 1, 1), new Argon2Cost(1024, 40, 1), new Argon2Cost(1024, 1, 4))) {
            PasswordCredentialModel costly = provider(over, PepperRing.NONE).encodedCredential(PASSWORD, -1);
            assertTrue(provider(over, PepperRing.NONE).verify(PASSWORD, costly), "a genuine hash at " + over);
            long started = System.nanoTime();
            assertFalse(limited.verify(PASSWORD, costly), "refused even with the right password: " + over);
            assertTrue((System.nanoTime() - started) / 1_000_000 < 50, "refused before hashing: " + over);
        }
        PasswordCredentialModel within =
                provider(new Argon2Cost(4096, 3, 2), PepperRing.NONE).encodedCredential(PASSWORD, -1);
        assertTrue(limited.verify(PASSWORD, within), "at the maxima is still fine");
    }

    @Test
    void aRealmPolicyAboveMaxIterationsIsClampedAndStaysCurrent() {
        NativeArgon2PasswordHashProvider plain = provider(SMALL, PepperRing.NONE); // default maximum: 10 passes
        PasswordCredentialModel clamped = plain.encodedCredential(PASSWORD, 100);
        assertEquals(10, clamped.getPasswordCredentialData().getHashIterations());
        assertEquals(
                4,
                plain.encodedCredential(PASSWORD, 4).getPasswordCredentialData().getHashIterations(),
                "within: used as is");
    }
}
