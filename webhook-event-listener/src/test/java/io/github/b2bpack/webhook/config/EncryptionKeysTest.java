package io.github.b2bpack.webhook.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {

    private static final byte[] A = filled(32, 1);
    private static final byte[] B = filled(16, 2);
    private static final String A64 = Base64.getEncoder().encodeToString(A);
    private static final String B64 = Base64.getEncoder().encodeToString(B);

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void parsesABareKeyAKeyWithAnIdAndPreviousKeys() {
        EncryptionKeys bare = EncryptionKeys.parse(A64, null);
        assertNull(bare.currentKid());
        assertArrayEquals(A, bare.current());

        EncryptionKeys rotated = EncryptionKeys.parse("2026-12:" + B64, " 2026-11:" + A64 + " , ");
        assertEquals("2026-12", rotated.currentKid());
        assertArrayEquals(B, rotated.current());
        assertArrayEquals(A, rotated.previous().get("2026-11"));
        assertNull(EncryptionKeys.parse("  ", null));
    }

    @Test
    void refusesBadKeysWithoutEchoingThem() {
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> EncryptionKeys.parse("k1:not*base64", null));
        assertFalse(bad.getMessage().contains("not*base64"));
        assertThrows(
                IllegalArgumentException.class,
                () -> EncryptionKeys.parse(Base64.getEncoder().encodeToString(new byte[7]), null));
        assertThrows(
                IllegalArgumentException.class,
                () -> EncryptionKeys.parse("k1:" + A64, A64),
                "previous keys need an id");
        assertThrows(
                IllegalArgumentException.class, () -> EncryptionKeys.parse("k1:" + A64, "k1:" + B64), "same id twice");
        assertThrows(IllegalArgumentException.class, () -> EncryptionKeys.parse("k 1:" + A64, null));
        assertThrows(IllegalArgumentException.class, () -> EncryptionKeys.parse(null, "k1:" + A64));
        assertTrue(EncryptionKeys.parse("k2:" + A64, "k1:" + B64).toString().contains("k1"));
        assertFalse(EncryptionKeys.parse("k2:" + A64, "k1:" + B64).toString().contains(A64));
    }
}
