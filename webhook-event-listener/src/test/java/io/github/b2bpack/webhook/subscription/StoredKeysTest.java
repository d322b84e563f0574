package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import org.junit.jupiter.api.Test;

class StoredKeysTest {

    @Test
    void tellsTheFormsApart() {
        String secret = SigningSecret.generate();
        Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
        assertTrue(StoredKeys.isClearKey(secret, SigningKey.V1));
        assertFalse(StoredKeys.isClearKey(secret, SigningKey.V1A), "a v1 secret is not a v1a key");
        assertTrue(StoredKeys.isClearKey(pair.privateSecret(), SigningKey.V1A));
        assertFalse(StoredKeys.isClearKey(pair.privateSecret(), SigningKey.V1));
        assertFalse(StoredKeys.isClearKey("whsec_not-base64!", SigningKey.V1));
        assertFalse(StoredKeys.isClearKey("whsec_AAAA", SigningKey.V1), "too short to be a key");
        assertFalse(StoredKeys.isClearKey("**********", SigningKey.V1));
        assertTrue(StoredKeys.isVaultReference("${vault.crm_webhook}"));
        assertFalse(StoredKeys.isVaultReference("${env.X}"));
        assertTrue(StoredKeys.isCiphertext(new SecretCipher(new byte[32]).encrypt(secret, "id")));
        assertFalse(StoredKeys.isCiphertext(secret));
    }
}
