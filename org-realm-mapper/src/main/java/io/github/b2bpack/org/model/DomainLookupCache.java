package io.github.b2bpack.org.model;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * This node's short-lived memory of "email domain → organization" (including "no organization"),
 * so discovery usually answers without a database round trip. The database stays the source of
 * truth: writes on this node clear the cache (at once and again after their transaction ends),
 * and other nodes see a change once their entries expire, within the TTL.
 *
 * <p>Every lookup is timed into {@code b2bpack_org_discovery_lookup_seconds} (tag {@code source}:
 * {@code cache} or {@code database}), which isolates the lookup from the admin authentication that
 * dominates a discovery request.
 */
public final class DomainLookupCache {

    /** Bounded, so a flood of unknown domains cannot grow the heap. */
    static final long MAX_ENTRIES = 10_000;

    private final Cache<String, Optional<Organization>> entries;
    private final Timer fromCache;
    private final Timer fromDatabase;

    /** @param ttl how long an entry is trusted; zero disables caching (every lookup reads the database) */
    public DomainLookupCache(Duration ttl) {
        this.entries = ttl.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_ENTRIES).build();
        this.fromCache = timer("cache");
        this.fromDatabase = timer("database");
    }

    /** The organization owning {@code domain}, from this node's memory or else from {@code database}. */
    public Optional<Organization> lookup(String domain, Function<String, Optional<Organization>> database) {
        long start = System.nanoTime();
        Optional<Organization> cached = entries == null ? null : entries.getIfPresent(domain);
        if (cached != null) {
            fromCache.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return cached;
        }
        Optional<Organization> loaded = database.apply(domain);
        if (entries != null) {
            entries.put(domain, loaded);
        }
        fromDatabase.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return loaded;
    }

    /**
     * Forgets everything now and again when the session's transaction ends: a lookup racing the
     * write could otherwise re-cache the pre-commit row until the TTL runs out.
     */
    public void invalidateOnWrite(KeycloakSession session) {
        invalidateAll();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                invalidateAll();
            }

            @Override
            protected void rollbackImpl() {
                invalidateAll();
            }
        });
    }

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
}
