package io.github.b2bpack.password.strength.rest;

/**
 * Server-wide settings of the password-strength endpoint ({@code --spi-realm-restapi-extension--password-strength--*}).
 *
 * @param requestsPerWindow requests one client IP may make per window (1–10,000)
 * @param windowSeconds     length of the fixed window (1–3,600 s)
 * @param maxBodyBytes      largest request body read (64–65,536 bytes); larger bodies get 413
 */
public record RateLimitSettings(int requestsPerWindow, int windowSeconds, int maxBodyBytes) {

    public static final int DEFAULT_REQUESTS = 60;
    public static final int DEFAULT_WINDOW_SECONDS = 60;
    public static final int DEFAULT_MAX_BODY_BYTES = 4096;

    public RateLimitSettings {
        check("rate-limit", requestsPerWindow, 1, 10_000);
        check("rate-limit-window", windowSeconds, 1, 3_600);
        check("max-body-bytes", maxBodyBytes, 64, 65_536);
    }

    private static void check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("spi-realm-restapi-extension--password-strength--" + option + " must be from "
                    + min + " to " + max + ", got " + value);
        }
    }
}
