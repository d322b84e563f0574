package io.github.b2bpack.password.hashing;

import io.github.b2bpack.password.hashing.pepper.Pepper;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.vault.VaultRawSecret;
import org.keycloak.vault.VaultTranscriber;

/** Reads a pepper's bytes: inline ones from the configuration, vault ones from the realm's vault. */
final class PepperSource {

    private final Supplier<VaultTranscriber> vault;

    /**
     * @param vault the session's vault ({@code session::vault}), asked only for vault peppers, which
     *              need a realm in the session context
     */
    PepperSource(Supplier<VaultTranscriber> vault) {
        this.vault = vault;
    }

    /** A fresh copy of the pepper's bytes (the caller wipes it), or empty when the vault has no such entry. */
    Optional<byte[]> bytes(Pepper pepper) {
        byte[] inline = pepper.inlineValue();
        if (inline != null) {
            return Optional.of(inline);
        }
        try (VaultRawSecret secret = vault.get().getRawSecret(pepper.vaultReference())) {
            return secret.getAsArray().filter(b -> b.length > 0).map(byte[]::clone);
        }
    }
}
