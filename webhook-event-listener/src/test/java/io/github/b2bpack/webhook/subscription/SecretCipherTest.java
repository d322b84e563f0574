package io.github.b2bpack.webhook.subscription;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretCipherTest {

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void roundTripAndFreshIvEachTime() {
        SecretCipher cipher = new SecretCipher(key());
        String a = cipher.encrypt("whsec_abc", "row-1");
        assertFalse(a.contains("whsec_abc"));
        assertNotEquals(a, cipher.encrypt("whsec_abc", "row-1"));
        assertEquals("whsec_abc", cipher.decrypt(a, "row-1"));
    }

    @Test
    void ciphertextIsBoundToItsRowAndKey() {
        SecretCipher cipher = new SecretCipher(key());
        String sealed = cipher.encrypt("whsec_abc", "row-1");
        IllegalStateException moved = assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "row-2"));
        assertFalse(moved.getMessage().contains("whsec"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(key()).decrypt(sealed, "row-1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("v1:not-base64!", "row-1"));
    }

    @Test
    void rejectsKeysOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(null));
    }
}
