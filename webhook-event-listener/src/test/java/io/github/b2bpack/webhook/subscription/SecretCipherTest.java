package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.config.EncryptionKeys;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

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
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher((byte[]) null));
    }

    @Test
    void aRotatedKeyKeepsOldRowsReadableAndWritesMoveThemToTheNewKey() {
        byte[] oldKey = key();
        byte[] newKey = key();
        String legacy = new SecretCipher(oldKey).encrypt("whsec_legacy", "row-1"); // v1:, no key id
        String sealedByK1 =
                new SecretCipher(new EncryptionKeys("k1", oldKey, java.util.Map.of())).encrypt("whsec_k1", "row-2");
        assertTrue(sealedByK1.startsWith("v2:k1:"), sealedByK1);

        SecretCipher rotated = new SecretCipher(new EncryptionKeys("k2", newKey, java.util.Map.of("k1", oldKey)));
        assertEquals("whsec_legacy", rotated.decrypt(legacy, "row-1"), "a ciphertext without key id still opens");
        assertEquals("whsec_k1", rotated.decrypt(sealedByK1, "row-2"));
        assertFalse(rotated.isCurrent(sealedByK1));

        String moved = rotated.reencrypt(sealedByK1, "row-2");
        assertTrue(moved.startsWith("v2:k2:"), moved);
        assertTrue(rotated.isCurrent(moved));
        assertEquals(moved, rotated.reencrypt(moved, "row-2"), "already current: unchanged");

        SecretCipher withoutOld = new SecretCipher(new EncryptionKeys("k2", newKey, java.util.Map.of()));
        assertEquals("whsec_k1", withoutOld.decrypt(moved, "row-2"));
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> withoutOld.decrypt(sealedByK1, "row-2"));
        assertTrue(unknown.getMessage().contains("encryption-keys-previous"), unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> withoutOld.decrypt(legacy, "row-1"));
    }
}
