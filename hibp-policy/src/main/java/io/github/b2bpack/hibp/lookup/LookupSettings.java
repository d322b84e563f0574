package io.github.b2bpack.hibp.lookup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Server-wide settings of the breach lookup (SPI options of the {@code hibp} password policy).
 *
 * @param apiBaseUrl     range API root; {@code /range/XXXXX} is appended
 * @param budget         total time a check may wait for the range API
 * @param cachePrefixes  0 disables the cache; any other value is no longer a bound (see {@code cacheMaxBytes})
 * @param cacheTtl       how long one prefix's answer is trusted
 * @param failureMode    verdict when no count could be obtained
 * @param mode           online, offline or offline-then-online
 * @param offlineIndex   path of the index built by {@code BuildIndex}; null when not configured
 * @param cacheMaxBytes  estimated heap the cached answers may hold: the bound, by weight, since one range
 *                       answer can be anything from a few bytes to the 512 KiB body cap's worth
 * @param upstreamMaxRequests range API requests this node may make per {@code upstreamWindow} (token bucket)
 * @param upstreamWindow the window in which {@code upstreamMaxRequests} refill
 */
public record LookupSettings(
        String apiBaseUrl,
        Duration budget,
        long cachePrefixes,
        Duration cacheTtl,
        FailureMode failureMode,
        LookupMode mode,
        Path offlineIndex,
        long cacheMaxBytes,
        long upstreamMaxRequests,
        Duration upstreamWindow) {

    public static final String DEFAULT_API_BASE_URL = "https://api.pwnedpasswords.com";
    public static final long DEFAULT_BUDGET_MILLIS = 2000;
    public static final long DEFAULT_CACHE_PREFIXES = 10_000;
    public static final long DEFAULT_CACHE_TTL_SECONDS = 3600;
    /** 64 MiB: about 600 real-size prefixes (~950 listed suffixes each), thousands of the usual sparse ones. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 64L << 20;

    public static final long MAX_CACHE_MAX_BYTES = 16L << 30;
    /** 600 per minute: 10 new prefixes a second per node, far above a busy realm's password changes. */
    public static final long DEFAULT_UPSTREAM_MAX_REQUESTS = 600;

    public static final long DEFAULT_UPSTREAM_WINDOW_SECONDS = 60;

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
        if (cacheMaxBytes < 0 || cacheMaxBytes > MAX_CACHE_MAX_BYTES) {
            throw new IllegalArgumentException("cache-max-bytes must be between 0 and " + MAX_CACHE_MAX_BYTES);
        }
        if (upstreamMaxRequests < 1 || upstreamMaxRequests > 1_000_000) {
            throw new IllegalArgumentException("upstream-max-requests must be between 1 and 1000000");
        }
        if (upstreamWindow.toSeconds() < 1 || upstreamWindow.toSeconds() > 86_400) {
            throw new IllegalArgumentException("upstream-window-seconds must be between 1 and 86400");
        }
        if (mode.usesOffline() && offlineIndex == null) {
            throw new IllegalArgumentException("mode " + mode + " needs an offline index path");
        }
    }

    /** The settings before the byte bound and the upstream budget, with their defaults (benchmarks, tests). */
    public LookupSettings(
            String apiBaseUrl,
            Duration budget,
            long cachePrefixes,
            Duration cacheTtl,
            FailureMode failureMode,
            LookupMode mode,
            Path offlineIndex) {
        this(
                apiBaseUrl,
                budget,
                cachePrefixes,
                cacheTtl,
                failureMode,
                mode,
                offlineIndex,
                DEFAULT_CACHE_MAX_BYTES,
                DEFAULT_UPSTREAM_MAX_REQUESTS,
                Duration.ofSeconds(DEFAULT_UPSTREAM_WINDOW_SECONDS));
    }
}
