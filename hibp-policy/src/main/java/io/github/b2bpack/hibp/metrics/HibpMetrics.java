package io.github.b2bpack.hibp.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the breach lookup. Registered on the registry given (Keycloak's
 * {@code Metrics.globalRegistry}, exported on the management {@code /metrics} endpoint when
 * {@code metrics-enabled=true}), as {@code b2bpack_hibp_*} in Prometheus form.
 */
public final class HibpMetrics {

    private final Counter checks;
    private final Counter hits;
    private final Counter cacheHits;
    private final Counter upstreamErrors;
    private final Counter upstreamBudgetSpent;
    private final Timer upstreamLatency;

    public HibpMetrics(MeterRegistry registry) {
        checks = Counter.builder("b2bpack.hibp.checks")
                .description("Passwords checked against the breach corpus")
                .register(registry);
        hits = Counter.builder("b2bpack.hibp.hits")
                .description("Checked passwords found in the breach corpus")
                .register(registry);
        cacheHits = Counter.builder("b2bpack.hibp.cache.hits")
                .description("Checks answered from the per-prefix cache")
                .register(registry);
        upstreamErrors = Counter.builder("b2bpack.hibp.upstream.errors")
                .description("Range API calls that failed, timed out or sent an invalid body")
                .register(registry);
        upstreamBudgetSpent = Counter.builder("b2bpack.hibp.upstream.budget.spent")
                .description("Checks answered without the range API because this node's upstream budget was spent")
                .register(registry);
        upstreamLatency = Timer.builder("b2bpack.hibp.upstream.latency")
                .description("Range API call duration")
                .register(registry);
    }

    public void check() {
        checks.increment();
    }

    public void hit() {
        hits.increment();
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void upstreamError() {
        upstreamErrors.increment();
    }

    public void upstreamBudgetSpent() {
        upstreamBudgetSpent.increment();
    }

    public void upstreamLatency(Duration duration) {
        upstreamLatency.record(duration);
    }
}
