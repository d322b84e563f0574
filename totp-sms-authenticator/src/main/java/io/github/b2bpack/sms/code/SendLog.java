package io.github.b2bpack.sms.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Send times in a sliding one-hour window, for the per-user and per-IP caps against SMS pumping.
 * Stored as a comma-separated list in the single-use store, expiring with the window.
 */
public record SendLog(List<Long> sentAtMillis) {

    public static final long WINDOW_MILLIS = 3_600_000L;

    public SendLog {
        sentAtMillis = List.copyOf(sentAtMillis);
    }

    public boolean allows(long nowMillis, int cap) {
        return countInWindow(nowMillis) < cap;
    }

    public int countInWindow(long nowMillis) {
        int n = 0;
        for (long t : sentAtMillis) {
            if (nowMillis - t < WINDOW_MILLIS) {
                n++;
            }
        }
        return n;
    }

    public SendLog record(long nowMillis) {
        List<Long> kept = new ArrayList<>();
        for (long t : sentAtMillis) {
            if (nowMillis - t < WINDOW_MILLIS) {
                kept.add(t);
            }
        }
        kept.add(nowMillis);
        // Never more than a cap could need: the list stays small whatever happens.
        while (kept.size() > 200) {
            kept.remove(0);
        }
        return new SendLog(kept);
    }

    public Map<String, String> toMap() {
        StringBuilder s = new StringBuilder();
        for (long t : sentAtMillis) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(t);
        }
        return Map.of("sent", s.toString());
    }

    public static SendLog fromMap(Map<String, String> map) {
        if (map == null || map.get("sent") == null || map.get("sent").isEmpty()) {
            return new SendLog(List.of());
        }
        List<Long> times = new ArrayList<>();
        for (String part : map.get("sent").split(",")) {
            try {
                times.add(Long.parseLong(part));
            } catch (NumberFormatException ignored) {
                // a corrupted entry only loses its own timestamp
            }
        }
        return new SendLog(times);
    }
}
