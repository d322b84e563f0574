package io.github.b2bpack.sms.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Timeout;

/**
 * What a user types as a recovery code. {@link RecoveryCodeGenerator#normalize} answers 16 Crockford
 * symbols or null, never throws, and is idempotent; a normalized entry matches a stored code exactly
 * when it is that code (the stored hash here uses 1 PBKDF2 iteration to keep runs fast; the
 * comparison path is the same). Seeds: {@code RecoveryCodeFuzzTestInputs/typed}.
 */
class RecoveryCodeFuzzTest {

    private static final String CODE = "7KQ2M9XD0RTV3HJB";
    private static final byte[] SALT = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
    private static final RecoveryCodeHasher.HashedCode STORED = new RecoveryCodeHasher.HashedCode(
            Base64.getEncoder().withoutPadding().encodeToString(SALT), pbkdf2(CODE), 1);

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void typed(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        String normalized = RecoveryCodeGenerator.normalize(typed);
        if (normalized == null) {
            return;
        }
        assertEquals(RecoveryCodeGenerator.SYMBOLS, normalized.length());
        assertTrue(normalized.chars().allMatch(c -> RecoveryCodeGenerator.ALPHABET.indexOf(c) >= 0), "alphabet");
        assertEquals(normalized, RecoveryCodeGenerator.normalize(normalized), "idempotent");
        assertEquals(normalized.equals(CODE), RecoveryCodeHasher.matches(normalized, STORED), "matches iff the code");
    }

    private static String pbkdf2(String code) {
        try {
            KeySpec spec = new PBEKeySpec(code.toCharArray(), SALT, 1, 256);
            return Base64.getEncoder()
                    .encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
