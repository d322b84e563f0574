package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.webhook.event.EventCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * {@code event_codes} patterns come from tenant admins and are matched against every event. Input:
 * the first line is an event code, the others patterns. Contracts: {@link EventCodePatterns#validate}
 * answers null or a message, never throws; a valid list survives the stored form (join, split); the
 * glob agrees with a reference matcher (dynamic programming, {@code *} any run of characters) on
 * bounded inputs; matching a code at most 4 KiB long against 128-character patterns returns (the
 * per-input timeout of the fuzzer fails a run that backtracks catastrophically); a concrete code
 * ({@link EventCodes#isCode}) matches itself and {@code *}. Seeds: {@code EventCodePatternsFuzzTestInputs/patterns}.
 */
class EventCodePatternsFuzzTest {

    private static final int MAX_CODE = 4096;

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void patterns(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", EventCodePatterns.MAX_PATTERNS + 2));
        String code = lines.get(0);
        if (code.length() > MAX_CODE) {
            code = code.substring(0, MAX_CODE);
        }
        List<String> patterns = lines.subList(1, lines.size());
        String problem = EventCodePatterns.validate(patterns);
        if (problem == null) {
            assertEquals(patterns, EventCodePatterns.split(EventCodePatterns.join(patterns)), "stored form round trip");
        }
        for (String pattern : patterns) {
            if (pattern.length() > EventCodePatterns.MAX_PATTERN_LENGTH) {
                continue;
            }
            boolean glob = EventCodePatterns.matches(pattern, code);
            if (code.length() <= 256) {
                assertEquals(reference(pattern, code), glob, "glob and reference disagree");
            }
        }
        if (EventCodes.isCode(code)) {
            assertTrue(EventCodePatterns.matches(code, code), "a code matches itself");
            assertTrue(EventCodePatterns.matches("*", code), "* matches every code");
        }
    }

    /** Reference glob by dynamic programming over (pattern prefix, code prefix): no backtracking at all. */
    private static boolean reference(String pattern, String code) {
        boolean[] previous = new boolean[code.length() + 1];
        previous[0] = true;
        for (int p = 1; p <= pattern.length(); p++) {
            boolean[] current = new boolean[code.length() + 1];
            char pc = pattern.charAt(p - 1);
            current[0] = pc == '*' && previous[0];
            for (int c = 1; c <= code.length(); c++) {
                current[c] = pc == '*' ? previous[c] || current[c - 1] : previous[c - 1] && pc == code.charAt(c - 1);
            }
            previous = current;
        }
        return previous[code.length()];
    }
}
