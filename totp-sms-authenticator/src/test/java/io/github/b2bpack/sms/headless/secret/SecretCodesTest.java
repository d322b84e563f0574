package io.github.b2bpack.sms.headless.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretCodesTest {

    @Test
    void issuedCodesAreWellFormedAndDistinct() {
        SecretCodes codes = new SecretCodes(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.next();
            assertEquals(SecretCodes.LENGTH, code.length());
            assertTrue(SecretCodes.wellFormed(code), code);
            assertTrue(seen.add(code));
        }
    }

    @Test
    void malformedInputIsRefusedBeforeAnyLookup() {
        assertFalse(SecretCodes.wellFormed(null));
        assertFalse(SecretCodes.wellFormed(""));
        assertFalse(SecretCodes.wellFormed("a".repeat(42)));
        assertFalse(SecretCodes.wellFormed("a".repeat(44)));
        assertFalse(SecretCodes.wellFormed("a".repeat(42) + "="));
        assertFalse(SecretCodes.wellFormed("a".repeat(42) + "/"));
        assertFalse(SecretCodes.wellFormed("a".repeat(42) + "\u00e9"));
        assertTrue(SecretCodes.wellFormed("A-_z09".repeat(7) + "x"));
    }

    @Test
    void theStoredDigestIsNotTheCodeAndIsStable() {
        String code = new SecretCodes(new SecureRandom()).next();
        String digest = SecretCodes.digest(code);
        assertEquals(64, digest.length());
        assertFalse(digest.contains(code));
        assertEquals(digest, SecretCodes.digest(code));
        assertNotEquals(digest, SecretCodes.digest(code.substring(1) + "A"));
    }
}
