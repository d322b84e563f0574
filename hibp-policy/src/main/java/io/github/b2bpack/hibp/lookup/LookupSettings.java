package io.github.b2bpack.hibp.lookup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Server-wide settings of the breach lookup (SPI options of the {@code hibp} password policy).
 *
 * @param apiBaseUrl     range API root; {@code /range/XXXXX} is appended
 * @param budget         total time a check may wait for the range API
 * @param cachePrefixes  how many prefixes' answers are kept
 * @param cacheTtl       how long one prefix's answer is trusted
 * @param failureMode    verdict when no count could be obtained
 * @param mode           online, offline or offline-then-online
 * @param offlineIndex   path of the index built by {@code BuildIndex}; null when not configured
 */
public record LookupSettings(String apiBaseUrl, Duration budget, long cachePrefixes, Duration cacheTtl,
                             FailureMode failureMode, LookupMode mode, Path offlineIndex) {

    public static final String DEFAULT_API_BASE_URL = "https://api.pwnedpasswords.com";
    public static final long DEFAULT_BUDGET_MILLIS = 2000;
    public static final long DEFAULT_CACHE_PREFIXES = 10_000;
    public static final long DEFAULT_CACHE_TTL_SECONDS = 3600;

    public LookupSettings {
        if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("api base URL must be http(s)");
        }
        if (budget.isNegative() || budget.isZero() || budget.toMillis() > 60_000) {
            throw new IllegalArgumentException("time budget must be between 1 ms and 60 s");
        }
        if (cachePrefixes < 0 || cachePrefixes > 1_048_576) {
            throw new IllegalArgumentException("cache size must be between 0 and 1048576 prefixes");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cache TTL must not be negative");
        }
        if (mode.usesOffline() && offlineIndex == null) {
            throw new IllegalArgumentException("mode " + mode + " needs an offline index path");
        }
    }

    public static LookupSettings defaults() {
        return new LookupSettings(DEFAULT_API_BASE_URL, Duration.ofMillis(DEFAULT_BUDGET_MILLIS), DEFAULT_CACHE_PREFIXES,
                Duration.ofSeconds(DEFAULT_CACHE_TTL_SECONDS), FailureMode.OPEN, LookupMode.ONLINE, null);
    }
}
