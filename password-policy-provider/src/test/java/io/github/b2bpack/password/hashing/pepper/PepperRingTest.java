package io.github.b2bpack.password.hashing.pepper;

import org.junit.jupiter.api.Test;
import org.keycloak.vault.VaultCharSecret;
import org.keycloak.vault.VaultRawSecret;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PepperRingTest {

    private static final String K1 = "first-pepper-value-0001";
    private static final String K2 = "second-pepper-value-002";

    @Test
    void parsesInlineAndVaultPeppersWithACurrentKey() {
        PepperRing ring = PepperRing.parse(" k1:" + K1 + " , k2:" + K2 + ",k3:${vault.argon2_pepper} ", "k2");
        assertEquals(List.of("k1", "k2", "k3"), List.copyOf(ring.keyIds()));
        assertEquals(Optional.of("k2"), ring.currentKeyId());
        assertEquals("${vault.argon2_pepper}", ring.byKeyId("k3").orElseThrow().vaultReference());
        PepperSource source = new PepperSource(MapVault::new);
        assertArrayEquals(K2.getBytes(StandardCharsets.UTF_8), source.bytes(ring.current().orElseThrow()).orElseThrow());
        assertArrayEquals("from-the-vault".getBytes(StandardCharsets.UTF_8), source.bytes(ring.byKeyId("k3").orElseThrow()).orElseThrow());
    }

    @Test
    void noOptionsMeansNoPepper() {
        PepperRing ring = PepperRing.parse(null, "");
        assertTrue(ring.keyIds().isEmpty());
        assertTrue(ring.current().isEmpty());
    }

    @Test
    void aMissingVaultEntryIsEmptyNotAnError() {
        PepperRing ring = PepperRing.parse("k9:${vault.absent}", "k9");
        assertTrue(new PepperSource(MapVault::new).bytes(ring.current().orElseThrow()).isEmpty());
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
        assertFalse(e.getMessage().contains(K1) || e.getMessage().contains(K2) || e.getMessage().contains("tooShort"), e.getMessage());
    }

    /** A vault holding one entry. */
    private static final class MapVault implements VaultTranscriber {
        @Override
        public VaultRawSecret getRawSecret(String reference) {
            byte[] value = "${vault.argon2_pepper}".equals(reference) ? "from-the-vault".getBytes(StandardCharsets.UTF_8) : null;
            return new VaultRawSecret() {
                @Override
                public Optional<ByteBuffer> get() {
                    return Optional.ofNullable(value).map(ByteBuffer::wrap);
                }

                @Override
                public Optional<byte[]> getAsArray() {
                    return Optional.ofNullable(value);
                }

                @Override
                public void close() {
                    if (value != null) {
                        java.util.Arrays.fill(value, (byte) 0);
                    }
                }
            };
        }

        @Override
        public VaultCharSecret getCharSecret(String reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VaultStringSecret getStringSecret(String reference) {
            throw new UnsupportedOperationException();
        }
    }
}
