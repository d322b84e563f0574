package io.github.b2bpack.webhook.health;

import java.time.Duration;

/**
 * The health rules of an endpoint (docs/webhook-event-listener.md, "Self-healing endpoints"): a failing period starts
 * with the first failed attempt after a success (or creation) and ends with the next 2xx; its first discarded delivery
 * announces it ({@code webhook.endpoint.failing}); a failed attempt made when it has lasted {@code disable-after}
 * disables the webhook ({@code webhook.endpoint.disabled}); a 2xx after the announcement says
 * {@code webhook.endpoint.recovered}. Only what changes the state is written: a success of an endpoint not known as
 * failing, and a failure of one known as failing (before the cut-off, once announced), write nothing.
 */
public final class HealthTransitions {

    private HealthTransitions() {}

    /**
     * @param known  what the node knows of the endpoint; null when it does not know it as failing
     * @param kind   what the attempt says
     * @param at     when the attempt ended (epoch millis)
     * @param period {@code disable-after}
     */
    public static Plan decide(Known known, AttemptKind kind, long at, Duration period) {
        return switch (kind) {
            case NOT_COUNTED -> Plan.NOTHING;
            case SUCCESS -> known == null ? Plan.NOTHING : new Plan(false, false, false, true);
            case FAILED, DISCARDED -> {
                if (known == null) {
                    // Whether it starts a period or another node started one is for the database to say; decide
                    // again with what it answers.
                    yield new Plan(true, false, false, false);
                }
                boolean announce = kind == AttemptKind.DISCARDED && !known.announced();
                boolean disable = !known.disabled() && reachedCutOff(known.failingSince(), at, period);
                yield new Plan(false, announce, disable, false);
            }
        };
    }

    /** Whether a period that began at {@code failingSince} has lasted {@code period} by {@code at}. */
    public static boolean reachedCutOff(long failingSince, long at, Duration period) {
        return at - failingSince >= period.toMillis();
    }

    /** The latest {@code failing_since} that disables at {@code at}. */
    public static long cutOff(long at, Duration period) {
        return at - period.toMillis();
    }
}
