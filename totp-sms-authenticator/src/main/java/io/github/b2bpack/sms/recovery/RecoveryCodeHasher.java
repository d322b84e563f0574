package io.github.b2bpack.sms.recovery;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow hash of a recovery code: PBKDF2-HMAC-SHA256 from the JDK, 16-byte salt per code,
 * {@value #ITERATIONS} iterations. The codes carry 80 bits, so the iteration count only adds margin
 * on top of an entropy that already defeats offline guessing; it is kept modest because a login
 * checks every unused code (at most 5).
 */
public final class RecoveryCodeHasher {

    public static final int ITERATIONS = 20_000;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private RecoveryCodeHasher() {}

    public static HashedCode hash(String normalizedCode, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new HashedCode(
                B64.encodeToString(salt), B64.encodeToString(pbkdf2(normalizedCode, salt, ITERATIONS)), ITERATIONS);
    }

    public static boolean matches(String normalizedCode, HashedCode stored) {
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = pbkdf2(normalizedCode, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** One stored code: salt and hash in base64. */
    public record HashedCode(String salt, String hash, int iterations) {}
}
