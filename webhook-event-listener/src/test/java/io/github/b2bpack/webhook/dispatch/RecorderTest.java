package io.github.b2bpack.webhook.dispatch;

import static io.github.b2bpack.webhook.dispatch.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.retry.DeliveryState;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Attempt results turned into states, and written in batches through a fake writer (no database). */
class RecorderTest {

    private static final RetrySchedule NO_JITTER = new RetrySchedule(RetrySchedule.SVIX, 0, 5);
    private static final RetrySchedule JITTER = new RetrySchedule(RetrySchedule.SVIX, 0.25, 5);
    private static final long AT = 1_700_000_000_000L;

    private final List<List<Outcome>> batches = new CopyOnWriteArrayList<>();
    private final List<Recorder> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Recorder::close);
    }

    private static Claim claim(String id, int attempt) {
        return new Claim(id, "token-" + id, "webhook-1", attempt, Long.MAX_VALUE);
    }

    private Recorder recorder(int batchSize, Recorder.Writer writer) {
        Recorder r = new Recorder(NO_JITTER, batchSize, writer);
        started.add(r);
        r.start();
        return r;
    }

    @Test
    void aSuccessCompletesWithItsStatus() {
        Outcome o = new Recorder(NO_JITTER, 10, batches::add)
                .outcome(claim("m1", 1), new DeliveryResult(204, null, null, 12), AT);
        assertEquals(DeliveryState.COMPLETED, o.state());
        assertEquals(204, o.status());
        assertNull(o.error());
        assertEquals(AT, o.nextAttemptAt());
        assertEquals(AT, o.at());
        assertEquals(12, o.durationMillis());
        assertFalse(o.deactivateWebhook());
        assertEquals(claim("m1", 1), o.claim());
    }

    @Test
    void aServerErrorIsRetriedOnTheScheduleWithItsStatusAsTheError() {
        Outcome o = new Recorder(JITTER, 10, batches::add)
                .outcome(claim("m1", 1), new DeliveryResult(500, null, null, 3), AT);
        assertEquals(DeliveryState.RETRYABLE, o.state());
        assertEquals(500, o.status());
        assertEquals("http_500", o.error());
        long delay = o.nextAttemptAt() - AT;
        assertTrue(delay >= 3_750 && delay <= 6_250, "5 s ± 25 %: " + delay);
    }

    @Test
    void aNetworkFailureHasNoStatusAndKeepsItsReason() {
        Outcome o = new Recorder(NO_JITTER, 10, batches::add)
                .outcome(claim("m1", 2), DeliveryResult.failed("timeout", 15_000), AT);
        assertEquals(DeliveryState.RETRYABLE, o.state());
        assertNull(o.status());
        assertEquals("timeout", o.error());
        assertEquals(AT + Duration.ofMinutes(5).toMillis(), o.nextAttemptAt(), "second delay of the schedule");
    }

    @Test
    void retryAfterIsHonouredWhenLonger() {
        Outcome o = new Recorder(NO_JITTER, 10, batches::add)
                .outcome(claim("m1", 1), new DeliveryResult(429, Duration.ofSeconds(120), null, 1), AT);
        assertEquals(DeliveryState.RETRYABLE, o.state());
        assertEquals(AT + 120_000, o.nextAttemptAt());
    }

    @Test
    void goneDiscardsAndDeactivatesTheWebhook() {
        Outcome o = new Recorder(NO_JITTER, 10, batches::add)
                .outcome(claim("m1", 1), new DeliveryResult(410, null, null, 1), AT);
        assertEquals(DeliveryState.DISCARDED, o.state());
        assertEquals("http_410", o.error());
        assertTrue(o.deactivateWebhook());
    }

    @Test
    void theLastAttemptDiscards() {
        Outcome o = new Recorder(NO_JITTER, 10, batches::add)
                .outcome(claim("m1", 5), new DeliveryResult(503, null, null, 1), AT);
        assertEquals(DeliveryState.DISCARDED, o.state());
        assertFalse(o.deactivateWebhook());
        assertEquals(AT, o.nextAttemptAt());
    }

    @Test
    void aCancelledDeliveryKeepsItsReason() {
        Outcome o = Outcome.cancelled(claim("m1", 1), "webhook_inactive", AT);
        assertEquals(DeliveryState.CANCELLED, o.state());
        assertNull(o.status());
        assertEquals("webhook_inactive", o.error());
        assertEquals(0, o.durationMillis());
    }

    @Test
    void resultsArrivingTogetherAreWrittenInBatchesOfAtMostTheBatchSize() {
        Recorder r = recorder(3, batches::add);
        for (int i = 0; i < 7; i++) {
            r.record(claim("m" + i, 1), new DeliveryResult(200, null, null, 1), AT);
        }
        await(() -> written().size() == 7, "seven written");
        assertTrue(
                batches.stream().allMatch(b -> b.size() <= 3),
                "batch sizes " + batches.stream().map(List::size).toList());
        assertTrue(batches.size() < 7, "results share transactions: " + batches.size() + " batches");
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6"), written(), "in the order they came, each once");
    }

    @Test
    void aFailedBatchIsWrittenOneByOne() {
        Recorder r = recorder(10, outcomes -> {
            if (outcomes.size() > 1) {
                throw new IllegalStateException("lock timeout");
            }
            batches.add(outcomes);
        });
        for (int i = 0; i < 4; i++) {
            r.record(claim("m" + i, 1), new DeliveryResult(200, null, null, 1), AT);
        }
        await(() -> written().size() == 4, "four written one by one");
        assertTrue(batches.stream().allMatch(b -> b.size() == 1));
    }

    @Test
    void aResultThatCannotBeWrittenIsLeftToItsClaimsExpiryAndTheOthersAreWritten() {
        Recorder r = recorder(10, outcomes -> {
            if (outcomes.stream().anyMatch(o -> o.claim().id().equals("bad"))) {
                throw new IllegalStateException("row locked");
            }
            batches.add(outcomes);
        });
        r.record(claim("m0", 1), new DeliveryResult(200, null, null, 1), AT);
        r.record(claim("bad", 1), new DeliveryResult(200, null, null, 1), AT);
        r.record(claim("m1", 1), new DeliveryResult(200, null, null, 1), AT);
        await(() -> written().size() == 2, "the two good ones written");
        assertEquals(List.of("m0", "m1"), written());
    }

    @Test
    void closingWritesWhatIsQueued() {
        Recorder r = recorder(100, batches::add);
        for (int i = 0; i < 5; i++) {
            r.record(claim("m" + i, 1), new DeliveryResult(200, null, null, 1), AT);
        }
        r.close();
        assertEquals(5, written().size());
    }

    private List<String> written() {
        return batches.stream().flatMap(List::stream).map(o -> o.claim().id()).toList();
    }
}
