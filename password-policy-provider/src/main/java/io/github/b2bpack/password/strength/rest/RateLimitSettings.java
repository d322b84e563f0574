package io.github.b2bpack.password.strength.rest;

import io.github.b2bpack.password.options.IntOption;

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

    private static final String FLAG_PREFIX = "spi-realm-restapi-extension--password-strength--";
    static final IntOption RATE_LIMIT = new IntOption(FLAG_PREFIX + "rate-limit", 1, 10_000);
    static final IntOption RATE_LIMIT_WINDOW = new IntOption(FLAG_PREFIX + "rate-limit-window", 1, 3_600);
    static final IntOption MAX_BODY_BYTES = new IntOption(FLAG_PREFIX + "max-body-bytes", 64, 65_536);

    public RateLimitSettings {
        RATE_LIMIT.require(requestsPerWindow);
        RATE_LIMIT_WINDOW.require(windowSeconds);
        MAX_BODY_BYTES.require(maxBodyBytes);
    }
}
