package io.github.b2bpack.webhook.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the durations operators write in SPI options: {@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code 30d}; a bare number is seconds. */
public final class Durations {

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return nonNegative(
                        Duration.ofMillis(
                                Long.parseLong(s.substring(0, s.length() - 2).trim())),
                        text);
            }
            char unit = s.charAt(s.length() - 1);
            if (Character.isDigit(unit)) {
                return nonNegative(Duration.ofSeconds(Long.parseLong(s)), text);
            }
            long amount = Long.parseLong(s.substring(0, s.length() - 1).trim());
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit in duration '" + text + "'");
            };
            return nonNegative(d, text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "'", e);
        }
    }

    /** A comma-separated list such as {@code 5s,5m,30m,2h}. */
    public static List<Duration> parseList(String text) {
        List<Duration> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(parse(part));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("empty duration list");
        }
        return List.copyOf(list);
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration '" + text + "'");
        }
        return d;
    }
}
