package io.github.b2bpack.webhook.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoverBoundsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final RecoverBounds bounds = new RecoverBounds(Duration.ofDays(30), 10_000);

    @Test
    void aSinceInsideTheWindowIsAccepted() {
        assertNull(bounds.check(NOW, NOW), "now itself: nothing to recover yet, not an error");
        assertNull(bounds.check(NOW.minus(Duration.ofMinutes(10)), NOW));
        assertNull(bounds.check(NOW.minus(Duration.ofDays(30)), NOW), "exactly the window");
    }

    @Test
    void aWindowLongerThanTheBoundIsRefusedNamingTheOption() {
        RecoverProblem p = bounds.check(NOW.minus(Duration.ofDays(30)).minusMillis(1), NOW);
        assertEquals(RecoverProblem.WINDOW_TOO_LARGE, p.error());
        assertTrue(p.description().contains("30d"), p.description());
        assertTrue(p.description().contains("recover-max-window"), p.description());
        assertEquals(
                RecoverProblem.WINDOW_TOO_LARGE,
                bounds.check(Instant.EPOCH, NOW).error());
    }

    @Test
    void aSinceInTheFutureIsAnInvalidRequest() {
        RecoverProblem p = bounds.check(NOW.plusMillis(1), NOW);
        assertEquals(RecoverProblem.INVALID_REQUEST, p.error());
        assertTrue(p.description().contains("future"), p.description());
    }

    @Test
    void optionValuesOutsideTheirRangeStopTheServer() {
        assertThrows(IllegalArgumentException.class, () -> new RecoverBounds(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new RecoverBounds(Duration.ofSeconds(-1), 1));
        assertThrows(IllegalArgumentException.class, () -> new RecoverBounds(Duration.ofDays(1), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecoverBounds(Duration.ofDays(1), RecoverBounds.MAX_COUNT_LIMIT + 1));
        assertEquals(RecoverBounds.MAX_COUNT_LIMIT, new RecoverBounds(Duration.ofMillis(1), 100_000).maxCount());
    }

    @Test
    void theWindowIsWrittenAsTheOptionIs() {
        assertEquals("30d", RecoverBounds.text(Duration.ofDays(30)));
        assertEquals("36h", RecoverBounds.text(Duration.ofHours(36)));
        assertEquals("90m", RecoverBounds.text(Duration.ofMinutes(90)));
        assertEquals("45s", RecoverBounds.text(Duration.ofSeconds(45)));
        assertEquals("1500ms", RecoverBounds.text(Duration.ofMillis(1500)));
    }
}
