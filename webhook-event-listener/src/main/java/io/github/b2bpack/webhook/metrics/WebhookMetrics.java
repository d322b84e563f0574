package io.github.b2bpack.webhook.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters on Micrometer's global registry, which Keycloak exposes on the management {@code /metrics}
 * endpoint when {@code metrics-enabled=true}:
 * <ul>
 *   <li>{@code b2bpack_webhook_deliveries_total{outcome}}: attempts by outcome ({@code completed}, {@code retryable},
 *       {@code discarded}, {@code cancelled});</li>
 *   <li>{@code b2bpack_webhook_enqueued_total}: delivery rows written by the listener;</li>
 *   <li>{@code b2bpack_webhook_queue_depth}: rows not finished yet (refreshed by every sweep);</li>
 *   <li>{@code b2bpack_webhook_attempt_duration_seconds}: HTTP time of one attempt;</li>
 *   <li>{@code b2bpack_webhook_first_attempt_delay_seconds}: from the event's commit to its first attempt.</li>
 *   <li>{@code b2bpack_webhook_claims_outlived_total}: attempts not started, or results not written, because their
 *       claim had expired or was about to (another node may send those rows again: raise {@code claim-timeout} or
 *       {@code concurrency} if it grows).</li>
 * </ul>
 */
public final class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong queueDepth = new AtomicLong();
    private final Counter enqueued;
    private final Timer attemptDuration;
    private final Timer firstAttemptDelay;
    private final Counter claimsOutlived;

    public WebhookMetrics() {
        this(Metrics.globalRegistry);
    }

    private WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("b2bpack.webhook.queue.depth", queueDepth, AtomicLong::get)
                .description("Webhook deliveries not finished yet (available, retryable, executing)")
                .register(registry);
        this.enqueued = Counter.builder("b2bpack.webhook.enqueued")
                .description("Webhook delivery rows written")
                .register(registry);
        this.attemptDuration = Timer.builder("b2bpack.webhook.attempt.duration")
                .description("HTTP time of one webhook delivery attempt")
                .publishPercentileHistogram()
                .register(registry);
        this.claimsOutlived = Counter.builder("b2bpack.webhook.claims.outlived")
                .description("Webhook attempts not started, or results not written, because their claim had expired")
                .register(registry);
        this.firstAttemptDelay = Timer.builder("b2bpack.webhook.first.attempt.delay")
                .description("Time from an event's commit to the first delivery attempt")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void enqueued(int rows) {
        enqueued.increment(rows);
    }

    public void attempt(String outcome, long durationMillis) {
        Counter.builder("b2bpack.webhook.deliveries")
                .tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome")
                .register(registry)
                .increment();
        attemptDuration.record(Duration.ofMillis(durationMillis));
    }

    public void firstAttempt(long delayMillis) {
        firstAttemptDelay.record(Duration.ofMillis(Math.max(0, delayMillis)));
    }

    public void claimOutlived() {
        claimsOutlived.increment();
    }

    public void queueDepth(long depth) {
        queueDepth.set(depth);
    }
}
