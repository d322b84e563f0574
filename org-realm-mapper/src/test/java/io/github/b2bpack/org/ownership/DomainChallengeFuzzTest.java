package io.github.b2bpack.org.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * TXT records come from the DNS of the domain being claimed, i.e. from whoever claims it.
 * {@link DomainChallenge#txtText} answers a text or empty for any rendering, never throws; the
 * character-strings of a record, rendered quoted and escaped as a resolver does, come back joined;
 * a record holding the challenge value of a token matches that token and no other; an arbitrary
 * record matches only if its text is exactly the value. Input: the lines are the character-strings
 * of one record, the whole input is also tried as a raw rendering. Seeds: {@code DomainChallengeFuzzTestInputs/record}.
 */
class DomainChallengeFuzzTest {

    private static final String TOKEN = "AAAAAAAAAAbbbbbbbbbbCCCCCCCCCC0123456789_-x";
    private static final String OTHER = "AAAAAAAAAAbbbbbbbbbbCCCCCCCCCC0123456789_-y";

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void record(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        Optional<String> text = DomainChallenge.txtText(raw);
        if (text.isPresent()) {
            assertTrue(text.get().length() <= raw.length(), "never longer than the rendering");
            boolean isValue = text.get().strip().equals(DomainChallenge.recordValue(TOKEN));
            assertEquals(isValue, DomainChallenge.matches(List.of(raw), TOKEN), "matches iff the value");
        } else {
            assertFalse(DomainChallenge.matches(List.of(raw), TOKEN));
        }

        String[] strings = raw.split("\n", -1);
        StringBuilder rendered = new StringBuilder();
        for (String s : strings) {
            if (rendered.length() > 0) {
                rendered.append(' ');
            }
            rendered.append('"')
                    .append(s.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        if (rendered.length() <= 4096) {
            assertEquals(
                    Optional.of(String.join("", strings)), DomainChallenge.txtText(rendered.toString()), "round trip");
        }

        String value = DomainChallenge.recordValue(TOKEN);
        int cut = Math.min(value.length(), input.length % (value.length() + 1));
        String split = "\"" + value.substring(0, cut) + "\" \"" + value.substring(cut) + "\"";
        assertTrue(DomainChallenge.matches(List.of(raw, split), TOKEN), "a value split in two strings matches");
        assertFalse(DomainChallenge.matches(List.of(split), OTHER), "never another token");
    }
}
