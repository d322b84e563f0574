package io.github.b2bpack.sms.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class RecoveryCodesTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void fiveReadableCodesOfEightyBits() {
        List<String> codes = new RecoveryCodeGenerator(random).generate();
        assertEquals(5, codes.size());
        assertEquals(5, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code);
        }
        assertEquals(80, RecoveryCodeGenerator.SYMBOLS * 5, "16 base32 symbols = 80 bits");
    }

    @Test
    void normalizationForgivesCaseSeparatorsAndLookAlikes() {
        assertEquals("0123456789ABCDEF", RecoveryCodeGenerator.normalize("o123-4567-89ab-cdef"));
        assertEquals("1123456789ABCDEF", RecoveryCodeGenerator.normalize("il23 4567 89AB CDEF"));
        assertNull(RecoveryCodeGenerator.normalize("0123-4567-89AB-CDE"));
        assertNull(RecoveryCodeGenerator.normalize("0123-4567-89AB-CDEU"));
        assertNull(RecoveryCodeGenerator.normalize("x".repeat(10_000)));
    }

    @Test
    void codesAreSaltedHashedAndUsableOnceInAnyOrder() {
        List<String> codes = new RecoveryCodeGenerator(random)
                .generate().stream().map(RecoveryCodeGenerator::normalize).toList();
        CredentialModel model = RecoveryCodesCredential.create(codes, random, 1L);
        for (String code : codes) {
            assertFalse(model.getSecretData().contains(code));
        }
        List<RecoveryCodeHasher.HashedCode> left = RecoveryCodesCredential.consume(model, codes.get(3));
        assertNotNull(left);
        assertEquals(4, left.size());
        RecoveryCodesCredential.write(model, left, 1L);
        assertNull(RecoveryCodesCredential.consume(model, codes.get(3)), "a used code is gone");
        assertNotNull(RecoveryCodesCredential.consume(model, codes.get(0)));
        assertNull(RecoveryCodesCredential.consume(model, "0000000000000000"));
    }

    @Test
    void oneRecoveryPerDayAndFiveSelfReenrollments() {
        long day = RecoveryRules.RECOVERY_INTERVAL.toMillis();
        assertTrue(RecoveryRules.recoveryAllowed(null, 5));
        assertFalse(RecoveryRules.recoveryAllowed(1000L, 1000L + day - 1));
        assertTrue(RecoveryRules.recoveryAllowed(1000L, 1000L + day));
        assertTrue(RecoveryRules.selfEnrollmentAllowed(0));
        assertTrue(
                RecoveryRules.selfEnrollmentAllowed(5), "first enrollment + 4 re-enrollments done: a 5th is allowed");
        assertFalse(RecoveryRules.selfEnrollmentAllowed(6), "first enrollment + 5 re-enrollments done");
    }
}
