package io.github.b2bpack.webhook.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.retry.DeliveryState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthTransitionsTest {

    private static final Duration PERIOD = Duration.ofDays(5);
    private static final long T0 = 1_800_000_000_000L;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static Plan decide(Known known, AttemptKind kind, long at) {
        return HealthTransitions.decide(known, kind, at, PERIOD);
    }

    @Test
    void aSuccessOfAnEndpointNotKnownAsFailingWritesNothing() {
        assertEquals(Plan.NOTHING, decide(null, AttemptKind.SUCCESS, T0));
        assertTrue(decide(null, AttemptKind.SUCCESS, T0).writesNothing());
    }

    @Test
    void aSuccessOfAFailingEndpointClearsIt() {
        assertEquals(new Plan(false, false, false, true), decide(new Known(T0, false, false), AttemptKind.SUCCESS, T0));
        assertEquals(
                new Plan(false, false, false, true), decide(new Known(T0, true, true), AttemptKind.SUCCESS, T0 + DAY));
    }

    @Test
    void theFirstFailureMarksAndDecidesNothingElseUntilTheDatabaseAnswered() {
        assertEquals(new Plan(true, false, false, false), decide(null, AttemptKind.FAILED, T0));
        assertEquals(new Plan(true, false, false, false), decide(null, AttemptKind.DISCARDED, T0));
    }

    @Test
    void aRetriedFailureOfAKnownFailingEndpointBeforeTheCutOffWritesNothing() {
        assertTrue(decide(new Known(T0, false, false), AttemptKind.FAILED, T0 + DAY)
                .writesNothing());
        assertTrue(decide(new Known(T0, true, false), AttemptKind.DISCARDED, T0 + DAY)
                .writesNothing());
    }

    @Test
    void theFirstDiscardOfAFailingPeriodAnnouncesIt() {
        assertEquals(
                new Plan(false, true, false, false), decide(new Known(T0, false, false), AttemptKind.DISCARDED, T0));
        assertFalse(decide(new Known(T0, false, false), AttemptKind.FAILED, T0).announce(), "retried: not yet");
    }

    @Test
    void aFailureAtTheCutOffDisablesAndNotBefore() {
        Known failing = new Known(T0, true, false);
        assertFalse(
                decide(failing, AttemptKind.FAILED, T0 + PERIOD.toMillis() - 1).checkDisable());
        assertTrue(decide(failing, AttemptKind.FAILED, T0 + PERIOD.toMillis()).checkDisable());
        assertTrue(decide(failing, AttemptKind.DISCARDED, T0 + 6 * DAY).checkDisable());
        assertEquals(
                new Plan(false, true, true, false),
                decide(new Known(T0, false, false), AttemptKind.DISCARDED, T0 + 6 * DAY),
                "never announced: both");
    }

    @Test
    void aDisabledPeriodIsNotDisabledAgain() {
        assertTrue(decide(new Known(T0, true, true), AttemptKind.FAILED, T0 + 9 * DAY)
                .writesNothing());
    }

    @Test
    void whatSaysNothingOfTheReceiverChangesNothing() {
        for (Known known : new Known[] {null, new Known(T0, false, false)}) {
            assertEquals(Plan.NOTHING, decide(known, AttemptKind.NOT_COUNTED, T0 + 9 * DAY));
        }
    }

    @Test
    void attemptKinds() {
        assertEquals(AttemptKind.SUCCESS, AttemptKind.of(DeliveryState.COMPLETED, null, false));
        assertEquals(AttemptKind.FAILED, AttemptKind.of(DeliveryState.RETRYABLE, "http_500", false));
        assertEquals(AttemptKind.DISCARDED, AttemptKind.of(DeliveryState.DISCARDED, "timeout", false));
        assertEquals(AttemptKind.NOT_COUNTED, AttemptKind.of(DeliveryState.DISCARDED, "http_410", true), "410 Gone");
        assertEquals(
                AttemptKind.NOT_COUNTED,
                AttemptKind.of(DeliveryState.RETRYABLE, AttemptKind.KEY_UNAVAILABLE, false),
                "our key, not their endpoint");
        assertEquals(AttemptKind.NOT_COUNTED, AttemptKind.of(DeliveryState.CANCELLED, "webhook_inactive", false));
    }

    @Test
    void cutOff() {
        assertEquals(T0, HealthTransitions.cutOff(T0 + PERIOD.toMillis(), PERIOD));
        assertTrue(HealthTransitions.reachedCutOff(T0, T0 + PERIOD.toMillis(), PERIOD));
        assertFalse(HealthTransitions.reachedCutOff(T0, T0 + PERIOD.toMillis() - 1, PERIOD));
    }

    @Test
    void theCacheForgetsAndIsReplacedBySnapshots() {
        HealthCache cache = new HealthCache();
        cache.put("a", new Known(T0, false, false));
        cache.succeeded("a", T0 - 5);
        cache.succeeded("a", T0 - 10);
        assertEquals(T0 - 5, cache.lastSuccess("a"), "the latest");
        cache.replace(java.util.Map.of("b", new Known(T0, true, false)));
        assertEquals(null, cache.known("a"));
        assertEquals(new Known(T0, true, false), cache.known("b"));
        cache.forget("b");
        assertEquals(0, cache.failingCount());
    }
}
