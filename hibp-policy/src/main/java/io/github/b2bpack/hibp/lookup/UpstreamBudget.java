package io.github.b2bpack.hibp.lookup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many range API requests this node may still make: a token bucket of {@code maxRequests}, refilled
 * at {@code maxRequests} per {@code window} (GCRA: one atomic "theoretical arrival time" instead of a
 * counter and a timestamp, so concurrent callers can never both take the last token, and there is no
 * window boundary at which two full bursts fit back to back).
 * <p>
 * Why it exists: the anonymous strength endpoint runs the realm's password policy, so without it every
 * new password an anonymous caller sends becomes an upstream request from this server. Per node, not
 * cluster-wide: the bound protects the upstream service and the node's outgoing connections, and N
 * nodes together make at most N times the budget.
 */
public final class UpstreamBudget {

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier clock;
    /** Nanos (on {@link #clock}) at which the bucket would be full again; the state of the whole bucket. */
    private final AtomicLong fullAt;

    public UpstreamBudget(long maxRequests, Duration window) {
        this(maxRequests, window, System::nanoTime);
    }

    UpstreamBudget(long maxRequests, Duration window, LongSupplier clock) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("the upstream budget must allow at least 1 request");
        }
        this.intervalNanos = Math.max(1, window.toNanos() / maxRequests);
        this.burstNanos = intervalNanos * maxRequests;
        this.clock = clock;
        this.fullAt = new AtomicLong(clock.getAsLong());
    }

    /** Takes one request from the budget; {@code false} (and nothing taken) when it is spent. Never waits. */
    public boolean tryAcquire() {
        while (true) {
            long now = clock.getAsLong();
            long current = fullAt.get();
            long base = current - now < 0 ? now : current; // an idle bucket is full, not "in credit"
            long next = base + intervalNanos;
            if (next - now > burstNanos) {
                return false;
            }
            if (fullAt.compareAndSet(current, next)) {
                return true;
            }
        }
    }
}
