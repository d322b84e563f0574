package io.github.b2bpack.webhook.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The event codes a webhook subscribes to: exact codes or {@code *}-wildcards ({@code user.*},
 * {@code *.error}, {@code admin.user.*.success}, {@code *}). {@code *} matches any run of characters,
 * dots included. Matching is a linear glob, never a regular expression built from admin input, so a
 * hostile pattern cannot cost more than its length times the code's length.
 */
public final class EventCodePatterns {

    static final int MAX_PATTERNS = 50;
    static final int MAX_PATTERN_LENGTH = 128;
    /** Size of the EVENT_CODES column: the stored form (entries joined by a space) must fit it. */
    private static final int MAX_STORED_LENGTH = 4000;

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_.*]+");

    private EventCodePatterns() {}

    /** Null when valid, otherwise why not. */
    public static String validate(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return "event_codes must list at least one code";
        }
        if (patterns.size() > MAX_PATTERNS) {
            return "event_codes may list at most " + MAX_PATTERNS + " codes";
        }
        for (String p : patterns) {
            if (p == null
                    || p.isEmpty()
                    || p.length() > MAX_PATTERN_LENGTH
                    || !ALLOWED.matcher(p).matches()) {
                return "event_codes entries are lower-case codes of [a-z0-9_.] with optional * wildcards, at most "
                        + MAX_PATTERN_LENGTH + " characters";
            }
        }
        // 50 entries of 128 characters would take 6,449: refuse here rather than overflow the column (a 500).
        if (join(patterns).length() > MAX_STORED_LENGTH) {
            return "event_codes are too long together: at most " + MAX_STORED_LENGTH
                    + " characters, counting one separator between entries";
        }
        return null;
    }

    public static boolean anyMatches(List<String> patterns, String code) {
        for (String p : patterns) {
            if (matches(p, code)) {
                return true;
            }
        }
        return false;
    }

    /** Glob match with {@code *} only: iterative, backtracking to the last star (O(n·m) worst case). */
    static boolean matches(String pattern, String code) {
        int p = 0;
        int c = 0;
        int star = -1;
        int mark = 0;
        while (c < code.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == code.charAt(c)) {
                p++;
                c++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = c;
            } else if (star >= 0) {
                p = star + 1;
                c = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Stored form: one string, codes joined by a space (no code contains one). */
    public static String join(List<String> patterns) {
        return String.join(" ", patterns);
    }

    public static List<String> split(String stored) {
        List<String> list = new ArrayList<>();
        if (stored != null) {
            for (String s : stored.split(" ")) {
                if (!s.isEmpty()) {
                    list.add(s);
                }
            }
        }
        return List.copyOf(list);
    }
}
