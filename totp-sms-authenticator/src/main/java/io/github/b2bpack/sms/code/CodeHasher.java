package io.github.b2bpack.sms.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted hash of a short-lived code: HMAC-SHA256 keyed by a fresh 16-byte salt. A code lives at most
 * 15 minutes and allows 3 guesses, so a fast keyed hash suffices; the point is that the store never
 * holds the code itself. Comparison is constant-time.
 */
public final class CodeHasher {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private CodeHasher() {
    }

    public static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    public static String hash(String code, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String encodeSalt(byte[] salt) {
        return B64.encodeToString(salt);
    }

    public static byte[] decodeSalt(String salt) {
        return B64D.decode(salt);
    }

    /** Constant-time check of {@code input} against a stored hash. */
    public static boolean matches(String input, byte[] salt, String expectedHash) {
        byte[] actual = hash(input, salt).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
