package io.github.b2bpack.hibp.policy;

import io.github.b2bpack.hibp.lookup.BreachLookup;
import io.github.b2bpack.hibp.lookup.FailureMode;
import io.github.b2bpack.hibp.lookup.LookupMode;
import io.github.b2bpack.hibp.lookup.LookupSettings;
import io.github.b2bpack.hibp.metrics.HibpMetrics;
import io.github.b2bpack.hibp.offline.OfflineIndex;
import io.github.b2bpack.hibp.range.HttpRangeClient;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.http.impl.client.CloseableHttpClient;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Factory of the {@code hibp} policy and owner of the server's one {@link BreachLookup} (cache,
 * single-flight, offline index, metrics), which the login check borrows through {@link #lookup()}.
 * Server-wide options: {@code --spi-password-policy--hibp--<option>}.
 */
public final class HibpPasswordPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String ID = "hibp";

    static final String API_BASE_URL = "api-base-url";
    static final String TIME_BUDGET_MILLIS = "time-budget-millis";
    static final String CACHE_MAX_PREFIXES = "cache-max-prefixes";
    static final String CACHE_TTL_SECONDS = "cache-ttl-seconds";
    static final String FAILURE_MODE = "failure-mode";
    static final String MODE = "mode";
    static final String OFFLINE_INDEX_PATH = "offline-index-path";
    static final String CACHE_MAX_BYTES = "cache-max-bytes";
    static final String UPSTREAM_MAX_REQUESTS = "upstream-max-requests";
    static final String UPSTREAM_WINDOW_SECONDS = "upstream-window-seconds";

    private static final Logger LOG = Logger.getLogger(HibpPasswordPolicyProviderFactory.class);

    private LookupSettings settings;
    private ScheduledThreadPoolExecutor deadlines;
    private volatile CloseableHttpClient httpClient;
    private volatile BreachLookup lookup;

    @Override
    public void init(Config.Scope config) {
        try {
            settings = settings(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid --spi-password-policy--hibp--* option: " + e.getMessage(), e);
        }
        if (config.get(CACHE_MAX_PREFIXES) != null && settings.cachePrefixes() != 0) {
            LOG.warnf(
                    "hibp: option %s is ignored (only 0, no cache, still applies); the cache is bounded by %s=%d bytes",
                    CACHE_MAX_PREFIXES, CACHE_MAX_BYTES, settings.cacheMaxBytes());
        }
        deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("b2bpack-hibp-deadlines");
            t.setDaemon(true);
            return t;
        });
        deadlines.setRemoveOnCancelPolicy(true);
    }

    static LookupSettings settings(Config.Scope config) {
        String offline = config.get(OFFLINE_INDEX_PATH);
        return new LookupSettings(
                config.get(API_BASE_URL, LookupSettings.DEFAULT_API_BASE_URL),
                Duration.ofMillis(config.getLong(TIME_BUDGET_MILLIS, LookupSettings.DEFAULT_BUDGET_MILLIS)),
                config.getLong(CACHE_MAX_PREFIXES, LookupSettings.DEFAULT_CACHE_PREFIXES),
                Duration.ofSeconds(config.getLong(CACHE_TTL_SECONDS, LookupSettings.DEFAULT_CACHE_TTL_SECONDS)),
                FailureMode.parse(config.get(FAILURE_MODE, "open")),
                LookupMode.parse(config.get(MODE, "online")),
                offline == null || offline.isBlank() ? null : Path.of(offline),
                config.getLong(CACHE_MAX_BYTES, LookupSettings.DEFAULT_CACHE_MAX_BYTES),
                config.getLong(UPSTREAM_MAX_REQUESTS, LookupSettings.DEFAULT_UPSTREAM_MAX_REQUESTS),
                Duration.ofSeconds(
                        config.getLong(UPSTREAM_WINDOW_SECONDS, LookupSettings.DEFAULT_UPSTREAM_WINDOW_SECONDS)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OfflineIndex index = null;
        if (settings.mode().usesOffline()) {
            try {
                index = OfflineIndex.open(settings.offlineIndex());
                LOG.infof("hibp: offline index %s mapped, %d hashes", settings.offlineIndex(), index.entries());
            } catch (IOException | RuntimeException e) {
                LOG.errorf(
                        "hibp: cannot map the offline index %s (%s); failure mode %s applies to offline lookups",
                        settings.offlineIndex(), e.getMessage(), settings.failureMode());
            }
        }
        HttpRangeClient rangeClient = new HttpRangeClient(settings.apiBaseUrl(), () -> httpClient, deadlines);
        lookup = new BreachLookup(settings, rangeClient, index, new HibpMetrics(Metrics.globalRegistry));
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        bindHttpClient(session);
        return new HibpPasswordPolicyProvider(session, lookup);
    }

    /** Keycloak's shared HTTP client is a server singleton; it is only reachable through a session. */
    public void bindHttpClient(KeycloakSession session) {
        if (httpClient == null) {
            httpClient = session.getProvider(HttpClientProvider.class).getHttpClient();
        }
    }

    public BreachLookup lookup() {
        return lookup;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(API_BASE_URL)
                .type("string")
                .defaultValue(LookupSettings.DEFAULT_API_BASE_URL)
                .helpText("Root URL of the HaveIBeenPwned range API or a mirror; /range/{5 hex} is appended.")
                .add()
                .property()
                .name(TIME_BUDGET_MILLIS)
                .type("int")
                .defaultValue(LookupSettings.DEFAULT_BUDGET_MILLIS)
                .helpText(
                        "Total time in milliseconds a check may wait for the range API (connect, wait, read); the call is aborted after it.")
                .add()
                .property()
                .name(CACHE_MAX_PREFIXES)
                .type("int")
                .defaultValue(LookupSettings.DEFAULT_CACHE_PREFIXES)
                .helpText(
                        "0 disables the prefix cache. Any other value is ignored: the cache is bounded by cache-max-bytes.")
                .add()
                .property()
                .name(CACHE_MAX_BYTES)
                .type("long")
                .defaultValue(LookupSettings.DEFAULT_CACHE_MAX_BYTES)
                .helpText(
                        "Estimated heap, in bytes, the prefix cache may hold (0-17179869184; default 64 MiB). Least used prefixes are evicted beyond it.")
                .add()
                .property()
                .name(UPSTREAM_MAX_REQUESTS)
                .type("int")
                .defaultValue(LookupSettings.DEFAULT_UPSTREAM_MAX_REQUESTS)
                .helpText(
                        "Range API requests this node may make per upstream-window-seconds (token bucket, 1-1000000). "
                                + "Past it, checks are answered from the cache or the offline index, else as unavailable (the failure mode decides).")
                .add()
                .property()
                .name(UPSTREAM_WINDOW_SECONDS)
                .type("int")
                .defaultValue(LookupSettings.DEFAULT_UPSTREAM_WINDOW_SECONDS)
                .helpText("Window, in seconds, in which upstream-max-requests refill (1-86400).")
                .add()
                .property()
                .name(CACHE_TTL_SECONDS)
                .type("int")
                .defaultValue(LookupSettings.DEFAULT_CACHE_TTL_SECONDS)
                .helpText("How long one prefix's answer is reused, in seconds.")
                .add()
                .property()
                .name(FAILURE_MODE)
                .type("string")
                .options("open", "closed")
                .defaultValue("open")
                .helpText("When no answer arrives within the budget: open accepts the password, closed refuses it.")
                .add()
                .property()
                .name(MODE)
                .type("string")
                .options("online", "offline", "offline-then-online")
                .defaultValue("online")
                .helpText(
                        "online: range API only; offline: the offline index only (no network); offline-then-online: the index first, then the API for passwords it does not list.")
                .add()
                .property()
                .name(OFFLINE_INDEX_PATH)
                .type("string")
                .helpText(
                        "Index file built by io.github.b2bpack.hibp.offline.BuildIndex; required for the offline modes.")
                .add()
                .build();
    }

    @Override
    public String getDisplayName() {
        return "Not in known breaches (HIBP)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return String.valueOf(HibpPasswordPolicyProvider.DEFAULT_THRESHOLD);
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
    }
}
