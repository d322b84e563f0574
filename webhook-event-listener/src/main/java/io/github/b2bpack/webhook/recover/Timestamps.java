package io.github.b2bpack.webhook.recover;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The times the recover call and the events API's filters accept: an RFC 3339 date-time with its offset
 * ({@code 2026-12-07T10:00:00Z}, {@code 2026-12-07T11:00:00.250+01:00}) or whole epoch seconds ({@code 1796637600}).
 * A date-time without an offset is refused: the server's zone would silently decide what it means.
 */
public final class Timestamps {

    /** 9999-12-31T23:59:59Z: larger epoch seconds are a mistake (milliseconds, most likely), not a time. */
    static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    /** 0000-01-01T00:00:00Z: the earliest date-time accepted. */
    static final long MIN_EPOCH_SECONDS = -62_167_219_200L;

    /** Longer text is not a time; checked before parsing so a huge parameter costs nothing. */
    private static final int MAX_LENGTH = 40;

    private Timestamps() {}

    /** The instant {@code text} names; null when it is neither RFC 3339 with an offset nor epoch seconds. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds;
            try {
                seconds = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null; // more digits than a long holds
            }
            return seconds <= MAX_EPOCH_SECONDS ? Instant.ofEpochSecond(seconds) : null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
        // Years past 9999 (or before 0000) parse, but their epoch millis overflow a long: not a time either.
        long seconds = instant.getEpochSecond();
        return seconds >= MIN_EPOCH_SECONDS && seconds <= MAX_EPOCH_SECONDS ? instant : null;
    }

    /** What a client should send instead, for error descriptions. */
    public static String expected(String name) {
        return name + " must be an RFC 3339 date-time with an offset (2026-12-07T10:00:00Z) or whole epoch seconds";
    }
}
