package io.github.b2bpack.sms.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * A phone number as a user types it at enrollment. Input: the first line is the realm's default
 * region (empty for none), the rest the typed number. {@link PhoneNumbers#check} must answer either
 * an E.164 number or one of the pack's message keys, never throw; an accepted number checked again
 * (as it is before every SMS) is accepted unchanged; its mask shows at most the country code and the
 * last two digits. Seeds: {@code PhoneNumbersFuzzTestInputs/typed}, one raw input per file.
 */
class PhoneNumbersFuzzTest {

    private static final Set<String> ALLOWED = Set.of("FR", "DE", "US", "GB", "CH");

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void typed(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String region = newline < 0 ? null : text.substring(0, newline);
        String raw = newline < 0 ? text : text.substring(newline + 1);
        if (region != null && (region.isEmpty() || region.length() > 8)) {
            region = null;
        }
        check(raw, region, Set.of());
        check(raw, region, ALLOWED);
    }

    private static void check(String raw, String region, Set<String> allowed) {
        PhoneCheck result = PhoneNumbers.check(raw, region, allowed, false);
        assertNotNull(result);
        if (!result.ok()) {
            assertNull(result.e164());
            assertTrue(result.errorKey().startsWith("b2bpackSmsPhone"), result.errorKey());
            return;
        }
        String e164 = result.e164();
        assertNull(result.errorKey());
        // Digits after a plus. Not capped at E.164's 15: libphonenumber accepts longer national numbers
        // (German ones up to 17 digits with the country code: input regression-de-17-digits).
        assertTrue(e164.matches("\\+[1-9][0-9]{1,19}"), "E.164 form: " + e164.length());
        assertEquals(
                e164,
                PhoneNumbers.check(e164, null, allowed, false).e164(),
                "an accepted number is accepted again as is");
        String masked = PhoneNumbers.mask(e164);
        assertTrue(masked.length() >= e164.length(), "mask length");
        long shown = masked.chars().filter(Character::isDigit).count();
        assertTrue(shown <= 3 + 2, "mask shows " + masked);
        assertTrue(masked.endsWith(e164.substring(e164.length() - 2)));
    }
}
