package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodePatternsTest {

    @Test
    void exactAndWildcards() {
        assertTrue(EventCodePatterns.matches("user.login.success", "user.login.success"));
        assertFalse(EventCodePatterns.matches("user.login.success", "user.login.error"));
        assertTrue(EventCodePatterns.matches("user.*", "user.login.error"));
        assertFalse(EventCodePatterns.matches("user.*", "admin.user.create.success"));
        assertTrue(EventCodePatterns.matches("*.error", "user.login.error"));
        assertFalse(EventCodePatterns.matches("*.error", "user.login.success"));
        assertTrue(EventCodePatterns.matches("*", "admin.user.create.success"));
        assertTrue(EventCodePatterns.matches("admin.user.*.success", "admin.user.create.success"));
        assertFalse(EventCodePatterns.matches("admin.user.*.success", "admin.client.create.success"));
        assertFalse(EventCodePatterns.matches("user.login", "user.login.success"));
    }

    @Test
    void dotsAreLiteralNotRegex() {
        assertFalse(EventCodePatterns.matches("user.login.success", "userXloginXsuccess"));
    }

    @Test
    void hostilePatternStaysLinearAndDoesNotMatch() {
        String pattern = "*a".repeat(60) + "b";
        String code = "a".repeat(128);
        // A backtracking matcher needs ~C(128, 60) steps here, so "linear" is what the timeout proves; the
        // linear matcher takes microseconds, and 2 s leaves room for a loaded CI machine.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(EventCodePatterns.matches(pattern, code)));
    }

    @Test
    void validation() {
        assertNull(EventCodePatterns.validate(List.of("user.*", "*.error", "admin.user.create.success")));
        assertNotNull(EventCodePatterns.validate(List.of()));
        assertNotNull(EventCodePatterns.validate(List.of("user.(login|logout)")));
        assertNotNull(EventCodePatterns.validate(List.of("User.Login")));
        assertNotNull(EventCodePatterns.validate(List.of("a".repeat(129))));
        assertNotNull(EventCodePatterns.validate(java.util.Collections.nCopies(51, "user.*")));
    }

    @Test
    void storedFormRoundTrips() {
        List<String> codes = List.of("user.*", "admin.user.create.success");
        assertEquals(codes, EventCodePatterns.split(EventCodePatterns.join(codes)));
    }

    /** Each entry is valid on its own; together they would overflow the 4,000-character column. */
    @Test
    void theJoinedCodesMustFitTheirColumn() {
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String prefix = "user.p" + i + ".";
            codes.add(prefix + "x".repeat(EventCodePatterns.MAX_PATTERN_LENGTH - prefix.length()));
        }
        String problem = EventCodePatterns.validate(codes);
        org.junit.jupiter.api.Assertions.assertNotNull(problem);
        org.junit.jupiter.api.Assertions.assertTrue(problem.contains("4000"), problem);
        org.junit.jupiter.api.Assertions.assertNull(
                EventCodePatterns.validate(codes.subList(0, 31)), "31 × 129 - 1 = 3,998 fits");
        org.junit.jupiter.api.Assertions.assertNotNull(EventCodePatterns.validate(codes.subList(0, 32)));
    }
}
