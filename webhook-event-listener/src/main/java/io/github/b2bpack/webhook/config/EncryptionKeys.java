package io.github.b2bpack.webhook.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The at-rest encryption keys, from the options {@code encryption-key} ({@code base64} or {@code kid:base64}) and
 * {@code encryption-keys-previous} (comma list of {@code kid:base64}). New ciphertexts name the current key's id, so
 * the key can be rotated: the old key moves to the previous list under the id its ciphertexts carry, and stays
 * there until every webhook was written again (any update or rotation re-encrypts with the current key).
 *
 * @param currentKid null for a key given without an id (its ciphertexts carry none, as before key ids existed)
 * @param previous   by key id, for decryption only
 */
public record EncryptionKeys(String currentKid, byte[] current, Map<String, byte[]> previous) {

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public EncryptionKeys {
        current = check(current, currentKid == null ? "encryption-key" : currentKid);
        Map<String, byte[]> copy = new LinkedHashMap<>();
        previous.forEach((kid, key) -> copy.put(kid, check(key, kid).clone()));
        if (currentKid != null && copy.containsKey(currentKid)) {
            throw new IllegalArgumentException(
                    "key id '" + currentKid + "' is both the current and a previous encryption key");
        }
        previous = Collections.unmodifiableMap(copy);
    }

    /** @return null when {@code currentOption} is blank (no key configured) */
    public static EncryptionKeys parse(String currentOption, String previousOption) {
        if (currentOption == null || currentOption.isBlank()) {
            if (previousOption != null && !previousOption.isBlank()) {
                throw new IllegalArgumentException("encryption-keys-previous is set but encryption-key is not");
            }
            return null;
        }
        String[] current = split(currentOption.trim(), false);
        Map<String, byte[]> previous = new LinkedHashMap<>();
        if (previousOption != null) {
            for (String entry : previousOption.split(",")) {
                if (!entry.isBlank()) {
                    String[] kv = split(entry.trim(), true);
                    if (previous.put(kv[0], decode(kv[1], kv[0])) != null) {
                        throw new IllegalArgumentException(
                                "key id '" + kv[0] + "' appears twice in encryption-keys-previous");
                    }
                }
            }
        }
        return new EncryptionKeys(
                current[0], decode(current[1], current[0] == null ? "encryption-key" : current[0]), previous);
    }

    /** A fixed key anyone can derive: only for {@code start-dev}, where the server warns about it. */
    public static EncryptionKeys insecureDevelopmentKey() {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest("b2bpack-webhooks-insecure-dev-key".getBytes(StandardCharsets.UTF_8));
            return new EncryptionKeys(null, key, Map.of());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code kid:base64} → {kid, base64}; base64 never contains ':'. */
    private static String[] split(String entry, boolean kidRequired) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            if (kidRequired) {
                throw new IllegalArgumentException("encryption-keys-previous entries are kid:base64");
            }
            return new String[] {null, entry};
        }
        String kid = entry.substring(0, colon);
        if (!KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("an encryption key id is 1 to 32 characters of [A-Za-z0-9_-]");
        }
        return new String[] {kid, entry.substring(colon + 1)};
    }

    private static byte[] decode(String base64, String which) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            // Never echo the value: it is a key.
            throw new IllegalArgumentException("encryption key '" + which + "' is not base64");
        }
    }

    private static byte[] check(byte[] key, String which) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new IllegalArgumentException("encryption key '" + which + "' must be 16, 24 or 32 bytes");
        }
        return key;
    }

    @Override
    public byte[] current() {
        return current.clone();
    }

    @Override
    public String toString() {
        // Never print a key.
        return "EncryptionKeys[current=" + (currentKid == null ? "(no id)" : currentKid) + ", previous="
                + previous.keySet() + "]";
    }
}
