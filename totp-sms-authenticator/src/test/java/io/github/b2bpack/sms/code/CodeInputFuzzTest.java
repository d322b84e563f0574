package io.github.b2bpack.sms.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * What a user types into the code field. {@link CodeCheck#normalize} keeps digits (dropping spaces
 * and dashes) or answers null, never throws; a normalized entry matches the stored salted hash of the
 * texted code exactly when it is that code. Seeds: {@code CodeInputFuzzTestInputs/typed}.
 */
class CodeInputFuzzTest {

    private static final String CODE = "042917";
    private static final byte[] SALT = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
    private static final String HASH = CodeHasher.hash(CODE, SALT);

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void typed(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        String normalized = CodeCheck.normalize(typed);
        if (normalized == null) {
            return;
        }
        assertTrue(typed.length() <= 32, "length bound");
        assertTrue(!normalized.isEmpty() && normalized.chars().allMatch(c -> c >= '0' && c <= '9'), "digits only");
        assertEquals(normalized, CodeCheck.normalize(normalized), "idempotent");
        assertEquals(normalized.equals(CODE), CodeHasher.matches(normalized, SALT, HASH), "matches iff the code");
    }
}
