package io.github.b2bpack.sms.code;

import io.github.b2bpack.sms.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted hash of a short-lived code: HMAC-SHA256 keyed by a fresh 16-byte salt. A code lives at most
 * {@link CodePolicy#MAX_TTL_SECONDS} seconds and allows {@link CodePolicy#MAX_ATTEMPTS} guesses, so a
 * fast keyed hash suffices; the point is that the store never holds the code itself. Comparison is
 * constant-time.
 */
public final class CodeHasher {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private CodeHasher() {}

    public static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    public static String hash(String code, byte[] salt) {
        return B64.encodeToString(Sha256.hmac(salt, code.getBytes(StandardCharsets.UTF_8)));
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
