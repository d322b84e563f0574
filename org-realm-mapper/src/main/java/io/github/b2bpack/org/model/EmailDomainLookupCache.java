package io.github.b2bpack.org.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This node's memory of "email domain → organization" (including "no organization"), so discovery
 * usually answers without a database round trip. The database stays the source of truth. Each entry
 * is kept under the organizations' version, which every organization write changes in its own
 * transaction (a master realm attribute, so Keycloak's realm cache drops it on every node of the
 * cluster): a lookup that reads another version goes to the database at once (a lookup racing the
 * write can only cache the old answer under the old version). The TTL only bounds how long an unused
 * entry stays in memory.
 *
 * <p>Every lookup is timed into {@code b2bpack_org_discovery_lookup_seconds} (tag {@code source}:
 * {@code cache} or {@code database}), which isolates the lookup from the admin authentication around
 * a discovery request.
 */
public final class EmailDomainLookupCache {

    /** Bounded, so a flood of unknown domains cannot grow the heap. */
    static final long MAX_ENTRIES = 10_000;

    private final Cache<String, Entry> entries;
    private final Timer fromCache;
    private final Timer fromDatabase;

    /** @param ttl how long an entry is trusted; zero disables caching (every lookup reads the database) */
    public EmailDomainLookupCache(Duration ttl) {
        this.entries = ttl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(ttl)
                        .maximumSize(MAX_ENTRIES)
                        .build();
        this.fromCache = timer("cache");
        this.fromDatabase = timer("database");
    }

    /**
     * The organization owning {@code domain}, from this node's memory when it was read under
     * {@code version} (the organizations' version read before calling, so the rows are at least as
     * new as the version they are kept under), or else from {@code database}.
     */
    public Optional<Organization> lookup(
            String domain, String version, Function<String, Optional<Organization>> database) {
        long start = System.nanoTime();
        Entry cached = entries == null ? null : entries.getIfPresent(domain);
        if (cached != null && Objects.equals(cached.version(), version)) {
            fromCache.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return cached.organization();
        }
        Optional<Organization> loaded = database.apply(domain);
        if (entries != null) {
            entries.put(domain, new Entry(version, loaded));
        }
        fromDatabase.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return loaded;
    }

    /**
     * Forgets everything. After an organization write every entry is kept under an old version and can
     * no longer answer; dropping them frees the memory at once instead of after the TTL.
     */
    public void invalidateAll() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    private static Timer timer(String source) {
        return Timer.builder("b2bpack.org.discovery.lookup")
                .description("Email domain to organization lookup of discovery, without the request around it")
                .tag("source", source)
                .publishPercentiles(0.5, 0.99)
                .register(Metrics.globalRegistry);
    }

    private record Entry(String version, Optional<Organization> organization) {}
}
