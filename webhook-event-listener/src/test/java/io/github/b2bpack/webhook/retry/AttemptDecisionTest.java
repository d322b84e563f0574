package io.github.b2bpack.webhook.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.delivery.DeliveryResult;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttemptDecisionTest {

    private static final RetrySchedule SCHEDULE = new RetrySchedule(RetrySchedule.SVIX, 0.25, 5);
    private static final RetrySchedule NO_JITTER = new RetrySchedule(RetrySchedule.SVIX, 0, 5);

    @Test
    void successCompletes() {
        AttemptDecision d = AttemptDecision.decide(new DeliveryResult(204, null, null, 3), 1, SCHEDULE, new Random(1));
        assertEquals(DeliveryState.COMPLETED, d.state());
        assertNull(d.retryIn());
        assertFalse(d.deactivateWebhook());
    }

    @Test
    void failuresRetryOnTheScheduleThenDiscard() {
        Random random = new Random(7);
        for (int attempt = 1; attempt < 5; attempt++) {
            AttemptDecision d =
                    AttemptDecision.decide(new DeliveryResult(500, null, null, 3), attempt, SCHEDULE, random);
            assertEquals(DeliveryState.RETRYABLE, d.state());
            long base = RetrySchedule.SVIX.get(attempt - 1).toMillis();
            assertTrue(
                    d.retryIn().toMillis() >= base * 0.75 && d.retryIn().toMillis() <= base * 1.25,
                    d.retryIn().toString());
        }
        assertEquals(
                DeliveryState.DISCARDED,
                AttemptDecision.decide(DeliveryResult.failed("timeout", 15000), 5, SCHEDULE, random)
                        .state());
    }

    @Test
    void redirectsAndNetworkErrorsAreFailures() {
        assertEquals(
                DeliveryState.RETRYABLE,
                AttemptDecision.decide(new DeliveryResult(302, null, null, 1), 1, SCHEDULE, new Random())
                        .state());
        assertEquals(
                DeliveryState.RETRYABLE,
                AttemptDecision.decide(DeliveryResult.failed("io_error", 1), 1, SCHEDULE, new Random())
                        .state());
    }

    @Test
    void goneDeactivatesTheWebhook() {
        AttemptDecision d = AttemptDecision.decide(new DeliveryResult(410, null, null, 1), 1, SCHEDULE, new Random());
        assertEquals(DeliveryState.DISCARDED, d.state());
        assertTrue(d.deactivateWebhook());
    }

    @Test
    void retryAfterOn429IsHonouredWhenLongerAndCapped() {
        AttemptDecision longer = AttemptDecision.decide(
                new DeliveryResult(429, Duration.ofSeconds(120), null, 1), 1, NO_JITTER, new Random());
        assertEquals(Duration.ofSeconds(120), longer.retryIn());
        AttemptDecision shorter = AttemptDecision.decide(
                new DeliveryResult(429, Duration.ofSeconds(1), null, 1), 1, NO_JITTER, new Random());
        assertEquals(Duration.ofSeconds(5), shorter.retryIn());
        AttemptDecision huge = AttemptDecision.decide(
                new DeliveryResult(503, Duration.ofDays(30), null, 1), 1, NO_JITTER, new Random());
        assertEquals(RetrySchedule.MAX_RETRY_AFTER, huge.retryIn());
        AttemptDecision ignored = AttemptDecision.decide(
                new DeliveryResult(500, Duration.ofSeconds(120), null, 1), 1, NO_JITTER, new Random());
        assertEquals(Duration.ofSeconds(5), ignored.retryIn());
    }

    @Test
    void lastDelayRepeatsAndScheduleIsValidated() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 0, 10);
        assertEquals(Duration.ofSeconds(2), s.delayAfter(7, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(RetrySchedule.SVIX, 1.5, 5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(RetrySchedule.SVIX, 0.1, 0));
    }
}
