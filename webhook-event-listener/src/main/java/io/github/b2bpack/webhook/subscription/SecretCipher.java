package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.config.EncryptionKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signature keys at rest with AES-GCM. The row id is bound as associated data, so a
 * ciphertext copied to another webhook row does not decrypt. Stored forms: {@code v2:<kid>:} + base64(iv ‖ ciphertext)
 * under a key with an id, {@code v1:} + base64(iv ‖ ciphertext) under a key without one (the only form before key
 * ids). A {@code v1:} value is tried with each configured key in turn: GCM's tag tells the right one, so old rows keep
 * working after their key moved to {@code encryption-keys-previous} under any id.
 */
public final class SecretCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKid;
    private final SecretKeySpec current;
    private final Map<String, SecretKeySpec> byKid = new LinkedHashMap<>();
    private final List<SecretKeySpec> all = new ArrayList<>();

    /** One key without an id (writes {@code v1:}). */
    SecretCipher(byte[] key) {
        this(new EncryptionKeys(null, key, Map.of()));
    }

    public SecretCipher(EncryptionKeys keys) {
        this.currentKid = keys.currentKid();
        this.current = new SecretKeySpec(keys.current(), "AES");
        all.add(current);
        if (currentKid != null) {
            byKid.put(currentKid, current);
        }
        keys.previous().forEach((kid, key) -> {
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            byKid.put(kid, spec);
            all.add(spec);
        });
    }

    public String encrypt(String plaintext, String rowId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            String body = Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
            return currentKid == null ? V1 + body : V2 + currentKid + ":" + body;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt webhook secret", e);
        }
    }

    public String decrypt(String stored, String rowId) {
        if (stored != null && stored.startsWith(V2)) {
            int colon = stored.indexOf(':', V2.length());
            SecretKeySpec key = colon < 0 ? null : byKid.get(stored.substring(V2.length(), colon));
            if (key == null) {
                throw new IllegalStateException(
                        "webhook secret encrypted under an encryption key id that is not configured "
                                + "(add it to encryption-keys-previous)");
            }
            return open(key, stored.substring(colon + 1), rowId);
        }
        if (stored == null || !stored.startsWith(V1)) {
            throw new IllegalStateException("unknown webhook secret format");
        }
        for (SecretKeySpec key : all) {
            try {
                return open(key, stored.substring(V1.length()), rowId);
            } catch (IllegalStateException wrongKey) {
                // try the next configured key: the GCM tag only verifies under the key that sealed it
            }
        }
        throw new IllegalStateException("cannot decrypt webhook secret (wrong encryption key?)");
    }

    /** True when {@code stored} was sealed by the current key (an update need not re-encrypt it). */
    boolean isCurrent(String stored) {
        if (stored == null) {
            return true;
        }
        return currentKid == null ? stored.startsWith(V1) && all.size() == 1 : stored.startsWith(V2 + currentKid + ":");
    }

    /** Re-encrypts {@code stored} with the current key when another key sealed it; otherwise returns it unchanged. */
    public String reencrypt(String stored, String rowId) {
        return stored == null || isCurrent(stored) ? stored : encrypt(decrypt(stored, rowId), rowId);
    }

    private static String open(SecretKeySpec key, String base64, String rowId) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // No detail: the message must not help an attacker probing the key.
            throw new IllegalStateException("cannot decrypt webhook secret (wrong encryption key?)");
        }
    }
}
