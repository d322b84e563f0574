package io.github.b2bpack.webhook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void units() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
        assertEquals(Duration.ofSeconds(7), Durations.parse("7"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(30), Durations.parse("30d"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMinutes(2)), Durations.parseList("1s, 2m"));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5w"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseList(" , "));
    }
}
