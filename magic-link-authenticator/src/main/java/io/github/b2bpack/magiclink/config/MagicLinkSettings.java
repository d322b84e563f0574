package io.github.b2bpack.magiclink.config;

import java.util.Map;

/**
 * What one magic-link execution is configured with (Authentication, the execution's gear). These keys are the
 * published contract (docs/magic-link-authenticator.md): the organization connections API writes them.
 *
 * @param ttlSeconds        how long a mailed link works
 * @param bindToBrowser     whether the link only works in the browser (authentication session) that asked for it
 * @param addressLimit      sends per address per {@code addressWindowSeconds} (unknown addresses count the same)
 * @param ipLimit           sends per client IP (IPv6 by /64) per {@code ipWindowSeconds}
 * @param minimumAnswerMillis the address page's answer is held until this long after the step started, so what
 *                          still differs between a known and an unknown address is hidden (0 turns it off)
 */
public record MagicLinkSettings(
        int ttlSeconds,
        boolean bindToBrowser,
        int addressLimit,
        int addressWindowSeconds,
        int ipLimit,
        int ipWindowSeconds,
        int minimumAnswerMillis) {

    public static final String TTL = "ttlSeconds";
    public static final String BIND_TO_BROWSER = "bindToBrowser";
    public static final String ADDRESS_LIMIT = "addressLimit";
    public static final String ADDRESS_WINDOW = "addressWindowSeconds";
    public static final String IP_LIMIT = "ipLimit";
    public static final String IP_WINDOW = "ipWindowSeconds";
    public static final String MINIMUM_ANSWER = "minimumAnswerMillis";

    public static final int DEFAULT_TTL = 900;
    /** Short links are only useful for tests and kiosks; below 10 s a mail may arrive after its link expired. */
    public static final int MIN_TTL = 10;

    public static final int MAX_TTL = 86_400;
    public static final int DEFAULT_ADDRESS_LIMIT = 3;
    public static final int DEFAULT_IP_LIMIT = 20;
    public static final int DEFAULT_WINDOW = 900;
    /** One store slot per allowed send (limit/SlotCap): more would cost too many store round trips when full. */
    public static final int MAX_LIMIT = 100;

    public static final int MAX_WINDOW = 86_400;
    /** Above the known-vs-unknown gap measured on a 2-core VM (tens of ms) with room for a loaded server. */
    public static final int DEFAULT_MINIMUM_ANSWER = 250;
    /** Each held answer keeps a request thread parked: bounded so a flood cannot park threads for long. */
    public static final int MAX_MINIMUM_ANSWER = 2_000;

    public static final MagicLinkSettings DEFAULTS = new MagicLinkSettings(
            DEFAULT_TTL,
            true,
            DEFAULT_ADDRESS_LIMIT,
            DEFAULT_WINDOW,
            DEFAULT_IP_LIMIT,
            DEFAULT_WINDOW,
            DEFAULT_MINIMUM_ANSWER);

    public MagicLinkSettings {
        check(TTL, ttlSeconds, MIN_TTL, MAX_TTL);
        check(ADDRESS_LIMIT, addressLimit, 1, MAX_LIMIT);
        check(ADDRESS_WINDOW, addressWindowSeconds, 1, MAX_WINDOW);
        check(IP_LIMIT, ipLimit, 1, MAX_LIMIT);
        check(IP_WINDOW, ipWindowSeconds, 1, MAX_WINDOW);
        check(MINIMUM_ANSWER, minimumAnswerMillis, 0, MAX_MINIMUM_ANSWER);
    }

    /**
     * The settings of an execution's config ({@code null} or missing keys take the defaults). An unreadable or
     * out-of-range value is refused with {@link IllegalArgumentException} naming the key, so the admin console
     * rejects it when it is saved ({@code validateConfiguration}) rather than the login failing later.
     */
    public static MagicLinkSettings of(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        return new MagicLinkSettings(
                integer(c, TTL, DEFAULT_TTL),
                bool(c, BIND_TO_BROWSER, true),
                integer(c, ADDRESS_LIMIT, DEFAULT_ADDRESS_LIMIT),
                integer(c, ADDRESS_WINDOW, DEFAULT_WINDOW),
                integer(c, IP_LIMIT, DEFAULT_IP_LIMIT),
                integer(c, IP_WINDOW, DEFAULT_WINDOW),
                integer(c, MINIMUM_ANSWER, DEFAULT_MINIMUM_ANSWER));
    }

    /** Like {@link #of} but never throws: a config broken after it was saved (an import) falls back to the defaults. */
    public static MagicLinkSettings orDefaults(Map<String, String> config) {
        try {
            return of(config);
        } catch (IllegalArgumentException e) {
            return DEFAULTS;
        }
    }

    private static int integer(Map<String, String> c, String key, int fallback) {
        String v = c.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    private static boolean bool(Map<String, String> c, String key, boolean fallback) {
        String v = c.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false");
        };
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
        }
    }
}
