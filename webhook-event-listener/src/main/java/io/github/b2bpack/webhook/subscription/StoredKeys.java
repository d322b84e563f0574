package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import java.util.regex.Pattern;
import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/**
 * The forms a signature key takes in a webhook's configuration: {@link SecretCipher} ciphertext (what the server
 * writes), a {@code ${vault.name}} reference (resolved through Keycloak's vault when signing, never stored in clear),
 * or a key in clear ({@code whsec_…} / {@code whsk_…}, accepted on the way in only and encrypted there).
 */
public final class StoredKeys {

    private static final Pattern VAULT = Pattern.compile("^\\$\\{vault\\.(.+?)}$");

    private StoredKeys() {}

    public static boolean isVaultReference(String value) {
        return value != null && VAULT.matcher(value).matches();
    }

    public static boolean isCiphertext(String value) {
        return value != null && (value.startsWith("v1:") || value.startsWith("v2:"));
    }

    /** A key in clear of the given scheme (checked by parsing it). */
    public static boolean isClearKey(String value, String scheme) {
        if (value == null) {
            return false;
        }
        boolean v1a = value.startsWith(Ed25519SigningKey.PRIVATE_PREFIX);
        if (SigningKey.V1A.equals(scheme) != v1a || (!v1a && !value.startsWith("whsec_"))) {
            return false;
        }
        try {
            SigningKey.of(value);
            return v1a || SigningSecret.keyBytes(value).length >= 16;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The key in clear, only in memory while signing or checking: from the vault for a reference, else decrypted.
     *
     * @throws IllegalStateException when the vault has no such entry or the ciphertext does not decrypt here
     */
    public static String reveal(KeycloakSession session, SecretCipher cipher, String stored, String webhookId) {
        if (isVaultReference(stored)) {
            try (VaultStringSecret secret = session.vault().getStringSecret(stored)) {
                return secret.get()
                        .orElseThrow(() -> new IllegalStateException("the vault has no entry for the webhook's key"));
            }
        }
        if (cipher == null) {
            throw new MissingEncryptionKeyException();
        }
        return cipher.decrypt(stored, webhookId);
    }
}
