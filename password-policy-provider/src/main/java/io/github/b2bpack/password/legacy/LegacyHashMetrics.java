package io.github.b2bpack.password.legacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How imported legacy hashes fare at login, per algorithm: {@code b2bpack_password_legacy_verifications_total
 * {algorithm, outcome}} on the management {@code /metrics} endpoint. A {@code match} is a login that
 * upgrades the credential to the realm's algorithm, so the counter shows how the migration progresses
 * and whether imports were malformed ({@code rejected}).
 */
final class LegacyHashMetrics {

    /** What one verification ended with. */
    enum Outcome {
        MATCH,
        MISMATCH,
        REJECTED,
        ERROR,
        BUSY
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    LegacyHashMetrics(MeterRegistry registry, String algorithm) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("b2bpack.password.legacy.verifications")
                            .description(
                                    "Verifications of imported legacy password hashes; a match upgrades the credential")
                            .tag("algorithm", algorithm)
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    void record(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
