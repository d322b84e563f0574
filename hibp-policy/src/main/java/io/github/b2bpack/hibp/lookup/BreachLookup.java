package io.github.b2bpack.hibp.lookup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.b2bpack.hibp.metrics.HibpMetrics;
import io.github.b2bpack.hibp.offline.OfflineIndex;
import io.github.b2bpack.hibp.range.PasswordHash;
import io.github.b2bpack.hibp.range.RangeClient;
import io.github.b2bpack.hibp.range.RangeLookupException;
import io.github.b2bpack.hibp.range.RangeResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Breach count of a password: offline index and/or range API per {@link LookupMode}, with a
 * per-prefix cache and single-flight. Concurrent checks of one prefix share one in-flight future,
 * created by the first caller, who runs the call on its own thread; the others wait for it no longer
 * than the budget. A failed call completes the future with null, which Caffeine drops from the cache
 * (quietly, unlike an exceptional completion), so the next check retries. One instance per server, shared by the policy and the login check.
 * <p>
 * Bounded twice: the cache by the estimated bytes of its answers (a weigher, since answers range from a
 * few lines to the body cap), and the range API requests by an {@link UpstreamBudget}, because anonymous
 * callers (the strength endpoint) reach this lookup; past the budget a check is answered from the cache,
 * the offline index or as unavailable, without waiting.
 */
public final class BreachLookup {

    private static final Logger LOG = Logger.getLogger(BreachLookup.class);

    private final LookupSettings settings;
    private final RangeClient rangeClient;
    private final OfflineIndex offlineIndex;
    private final HibpMetrics metrics;
    private final AsyncCache<String, RangeResult> cache;
    private final UpstreamBudget upstreamBudget;

    public BreachLookup(
            LookupSettings settings, RangeClient rangeClient, OfflineIndex offlineIndex, HibpMetrics metrics) {
        this.settings = settings;
        this.rangeClient = rangeClient;
        this.offlineIndex = offlineIndex;
        this.metrics = metrics;
        this.cache = Caffeine.newBuilder()
                // cache-max-prefixes=0 still means no caching; in-flight (incomplete) answers weigh 0 and stay.
                .maximumWeight(settings.cachePrefixes() == 0 ? 0 : settings.cacheMaxBytes())
                .weigher((String prefix, RangeResult answer) ->
                        (int) Math.min(Integer.MAX_VALUE, answer.estimatedBytes()))
                .expireAfterWrite(settings.cacheTtl())
                .buildAsync();
        this.upstreamBudget = new UpstreamBudget(settings.upstreamMaxRequests(), settings.upstreamWindow());
    }

    public LookupSettings settings() {
        return settings;
    }

    public BreachCount lookup(String password) {
        metrics.check();
        PasswordHash hash = PasswordHash.of(password);
        BreachCount result = lookup(hash);
        if (result.available() && result.count() > 0) {
            metrics.hit();
        }
        return result;
    }

    private BreachCount lookup(PasswordHash hash) {
        BreachCount offline = null;
        if (settings.mode().usesOffline() && offlineIndex != null) {
            long count = offlineIndex.count(hash.top64());
            offline = new BreachCount(count, true, BreachCount.Source.OFFLINE_INDEX);
            if (count > 0 || !settings.mode().usesOnline()) {
                return offline;
            }
        }
        if (!settings.mode().usesOnline()) {
            return BreachCount.unavailable();
        }
        BreachCount online = online(hash);
        // Over the upstream budget, the index's "not listed" is a better answer than none.
        return online.source() == BreachCount.Source.BUDGET_SPENT && offline != null ? offline : online;
    }

    private BreachCount online(PasswordHash hash) {
        long deadline = System.nanoTime() + settings.budget().toNanos();
        CompletableFuture<RangeResult> mine = new CompletableFuture<>();
        CompletableFuture<RangeResult> shared = cache.asMap().putIfAbsent(hash.prefix(), mine);
        if (shared == null) {
            if (!upstreamBudget.tryAcquire()) {
                metrics.upstreamBudgetSpent();
                cache.asMap().remove(hash.prefix(), mine);
                mine.complete(null); // anyone who joined meanwhile gets "unavailable" at once, not after the budget
                LOG.debug("HIBP upstream budget spent; the check is answered without the range API");
                return BreachCount.budgetSpent();
            }
            fetchInto(mine, hash.prefix());
            shared = mine;
        } else if (shared.isDone() && !shared.isCompletedExceptionally() && shared.getNow(null) != null) {
            metrics.cacheHit();
            return new BreachCount(shared.join().count(hash.suffix()), true, BreachCount.Source.CACHE);
        }
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
            RangeResult result = shared.get(remaining, TimeUnit.NANOSECONDS);
            if (result == null) {
                return BreachCount.unavailable();
            }
            return new BreachCount(result.count(hash.suffix()), true, BreachCount.Source.RANGE_API);
        } catch (TimeoutException e) {
            LOG.debugf(
                    "breach check gave up waiting for a shared range API call after %d ms",
                    settings.budget().toMillis());
            return BreachCount.unavailable();
        } catch (ExecutionException e) {
            return BreachCount.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BreachCount.unavailable();
        }
    }

    private void fetchInto(CompletableFuture<RangeResult> future, String prefix) {
        long started = System.nanoTime();
        try {
            future.complete(rangeClient.fetch(prefix, settings.budget()));
        } catch (RangeLookupException | RuntimeException e) {
            metrics.upstreamError();
            // The message names the failure kind only; never the prefix, hash or password.
            String reason = e instanceof RangeLookupException
                    ? e.getMessage()
                    : e.getClass().getSimpleName();
            LOG.warnf(
                    "HIBP range lookup failed (%s); the failure mode decides (server default %s)",
                    reason, settings.failureMode());
            future.complete(null);
        } finally {
            if (!future.isDone()) {
                future.complete(null); // an Error escaped: waiters must not sit out their whole budget
            }
            metrics.upstreamLatency(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Estimated bytes the cached answers hold now (bounded by {@code cache-max-bytes}; tests check the bound). */
    long cachedBytes() {
        var sync = cache.synchronous();
        sync.cleanUp();
        return sync.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }
}
