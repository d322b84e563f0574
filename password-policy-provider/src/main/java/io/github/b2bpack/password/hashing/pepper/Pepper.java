package io.github.b2bpack.password.hashing.pepper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One pepper: a server-wide secret mixed into every hash as Argon2's secret input, named by a key
 * id that the credential records. The value is either given inline (from an SPI option, best set
 * through an environment variable or Keycloak's config keystore) or a Keycloak vault reference
 * {@code ${vault.<name>}} read from the realm's vault at hashing time.
 * <p>
 * {@link #toString()} never shows the value.
 */
public final class Pepper {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern VAULT_REFERENCE = Pattern.compile("\\$\\{vault\\.[^}]+}");
    /** NIST SP 800-63B §5.1.1.2 asks for a secret salt of at least 112 bits; 16 bytes is 128. */
    static final int MIN_INLINE_BYTES = 16;

    private final String keyId;
    private final byte[] inlineValue;
    private final String vaultReference;

    private Pepper(String keyId, byte[] inlineValue, String vaultReference) {
        this.keyId = keyId;
        this.inlineValue = inlineValue;
        this.vaultReference = vaultReference;
    }

    /**
     * @throws IllegalArgumentException naming the key id and the rule broken, never the value
     */
    static Pepper of(String keyId, String value) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("pepper key id must be 1-64 characters of A-Z a-z 0-9 . _ -, got '"
                    + (keyId.length() > 64 ? keyId.substring(0, 64) + "…" : keyId) + "'");
        }
        if (VAULT_REFERENCE.matcher(value).matches()) {
            return new Pepper(keyId, null, value);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_INLINE_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException("pepper '" + keyId + "' is shorter than " + MIN_INLINE_BYTES + " bytes");
        }
        return new Pepper(keyId, bytes, null);
    }

    public String keyId() {
        return keyId;
    }

    /** The vault reference ({@code ${vault.name}}), or {@code null} for an inline pepper. */
    public String vaultReference() {
        return vaultReference;
    }

    /** A copy of the inline value (the caller wipes it), or {@code null} for a vault pepper. */
    public byte[] inlineValue() {
        return inlineValue == null ? null : inlineValue.clone();
    }

    @Override
    public String toString() {
        return keyId + (vaultReference != null ? " (vault)" : " (inline)");
    }
}
