package io.github.b2bpack.webhook.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void rfc3339WithAnOffset() {
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), Timestamps.parse("2026-12-07T10:00:00Z"));
        assertEquals(Instant.parse("2026-12-07T10:00:00.250Z"), Timestamps.parse("2026-12-07T11:00:00.250+01:00"));
        assertEquals(Instant.parse("2026-12-07T15:30:00Z"), Timestamps.parse("2026-12-07T10:00:00-05:30"));
        assertEquals(
                Instant.parse("2026-12-07T10:00:00.123456789Z"), Timestamps.parse("2026-12-07T10:00:00.123456789Z"));
    }

    @Test
    void wholeEpochSeconds() {
        assertEquals(Instant.ofEpochSecond(1_796_637_600L), Timestamps.parse("1796637600"));
        assertEquals(Instant.EPOCH, Timestamps.parse("0"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), Timestamps.parse("253402300799"));
    }

    @Test
    void anythingElseIsNotATime() {
        for (String bad : new String[] {
            null,
            "",
            "yesterday",
            "2026-12-07",
            "2026-12-07T10:00:00", // no offset: the server's zone would decide
            "2026-12-07 10:00:00Z",
            "2026-13-07T10:00:00Z",
            "2026-02-30T10:00:00Z",
            "-1",
            "1.5",
            "1e9",
            " 1796637600",
            "253402300800", // past year 9999: milliseconds sent as seconds, most likely
            "99999999999999999999", // more than a long
            "1".repeat(41)
        }) {
            assertNull(Timestamps.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void yearsBeyondFourDigitsAreNotTimes() {
        // They parse, but their epoch millis overflow: a 500 before this check.
        assertNull(Timestamps.parse("+999999999-12-31T23:59:59Z"));
        assertNull(Timestamps.parse("-999999999-01-01T00:00:00Z"));
        assertNull(Timestamps.parse("+10000-01-01T00:00:00Z"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), Timestamps.parse("9999-12-31T23:59:59Z"));
    }
}
