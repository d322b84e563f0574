package io.github.b2bpack.sms.headless.secret;

import io.github.b2bpack.sms.crypto.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The headless {@code password_code}: 32 random bytes in base64url (43 characters), so it cannot be guessed and
 * needs no attempt counter. Only its SHA-256 is stored: a read of the store gives no usable code. A plain hash (no
 * salt, no stretching) is enough for 256 random bits, and it lets the store be looked up by the code itself.
 */
public final class SecretCodes {

    /** Characters of a code as issued. */
    public static final int LENGTH = 43;

    private final SecureRandom random;

    public SecretCodes(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code input} has the shape of an issued code; anything else is refused before any lookup. */
    public static boolean wellFormed(String input) {
        if (input == null || input.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** What the store keeps for a code. */
    public static String digest(String code) {
        return Sha256.hex("b2bpack-headless-password-code:" + code);
    }
}
