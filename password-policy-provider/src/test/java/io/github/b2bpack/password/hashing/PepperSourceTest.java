package io.github.b2bpack.password.hashing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.password.hashing.pepper.PepperRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.vault.VaultCharSecret;
import org.keycloak.vault.VaultRawSecret;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

class PepperSourceTest {

    private static final String INLINE = "second-pepper-value-002";

    private final PepperSource source = new PepperSource(MapVault::new);

    @Test
    void readsInlinePeppersFromTheConfigurationAndVaultPeppersFromTheVault() {
        PepperRing ring = PepperRing.parse("k2:" + INLINE + ",k3:${vault.argon2_pepper}", "k2");
        assertArrayEquals(
                INLINE.getBytes(StandardCharsets.UTF_8),
                source.bytes(ring.current().orElseThrow()).orElseThrow());
        // The vault wipes its secret on close: the bytes returned must be a copy that survives it.
        assertArrayEquals(
                "from-the-vault".getBytes(StandardCharsets.UTF_8),
                source.bytes(ring.byKeyId("k3").orElseThrow()).orElseThrow());
    }

    @Test
    void aMissingVaultEntryIsEmptyNotAnError() {
        PepperRing ring = PepperRing.parse("k9:${vault.absent}", "k9");
        assertTrue(source.bytes(ring.current().orElseThrow()).isEmpty());
    }

    /** A vault holding one entry. */
    private static final class MapVault implements VaultTranscriber {
        @Override
        public VaultRawSecret getRawSecret(String reference) {
            byte[] value = "${vault.argon2_pepper}".equals(reference)
                    ? "from-the-vault".getBytes(StandardCharsets.UTF_8)
                    : null;
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
