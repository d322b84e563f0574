package io.github.b2bpack.webhook.signing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signature key: {@code whsec_} followed by the base64 of the raw HMAC key.
 * Generated keys have 32 random bytes (the spec asks for 24 to 64).
 */
public final class SigningSecret {

    static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {}

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The raw HMAC key of a {@code whsec_…} secret. */
    public static byte[] keyBytes(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** What list and read responses show instead of the key: the prefix and the last four characters. */
    public static String mask(String secret) {
        if (secret == null || secret.length() < PREFIX.length() + 8) {
            return PREFIX + "****";
        }
        return PREFIX + "****" + secret.substring(secret.length() - 4);
    }
}
