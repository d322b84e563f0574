package io.github.b2bpack.password.hashing.pepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PepperRingTest {

    private static final String K1 = "first-pepper-value-0001";
    private static final String K2 = "second-pepper-value-002";

    @Test
    void parsesInlineAndVaultPeppersWithACurrentKey() {
        PepperRing ring = PepperRing.parse(" k1:" + K1 + " , k2:" + K2 + ",k3:${vault.argon2_pepper} ", "k2");
        assertEquals(List.of("k1", "k2", "k3"), List.copyOf(ring.keyIds()));
        assertEquals(Optional.of("k2"), ring.currentKeyId());
        assertEquals("${vault.argon2_pepper}", ring.byKeyId("k3").orElseThrow().vaultReference());
        assertArrayEquals(
                K2.getBytes(StandardCharsets.UTF_8),
                ring.current().orElseThrow().inlineValue());
        assertNull(ring.byKeyId("k3").orElseThrow().inlineValue());
    }

    @Test
    void noOptionsMeansNoPepper() {
        PepperRing ring = PepperRing.parse(null, "");
        assertTrue(ring.keyIds().isEmpty());
        assertTrue(ring.current().isEmpty());
    }

    @Test
    void mistakesAreRefusedWithoutEchoingASecret() {
        assertMessageHidesSecret(() -> PepperRing.parse("k1:" + K1, "k2"), "not among the configured peppers");
        assertMessageHidesSecret(() -> PepperRing.parse("k1:" + K1 + ",k1:" + K2, "k1"), "given twice");
        assertMessageHidesSecret(() -> PepperRing.parse("k1-short:tooShort", "k1-short"), "shorter than 16 bytes");
        assertMessageHidesSecret(() -> PepperRing.parse("no-colon-" + K1, null), "key-id:value");
        assertMessageHidesSecret(() -> PepperRing.parse("bad id!:" + K1, null), "pepper key id must be");
        assertFalse(PepperRing.parse("k1:" + K1, "k1").toString().contains(K1));
    }

    private static void assertMessageHidesSecret(org.junit.jupiter.api.function.Executable parse, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(
                e.getMessage().contains(K1)
                        || e.getMessage().contains(K2)
                        || e.getMessage().contains("tooShort"),
                e.getMessage());
    }
}
