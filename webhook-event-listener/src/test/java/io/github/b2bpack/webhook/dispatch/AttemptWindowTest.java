package io.github.b2bpack.webhook.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptWindowTest {

    private static final long NOW = 1_000_000L;

    @Test
    void aFreshClaimGetsTheWholeRequestTimeout() {
        AttemptWindow window = AttemptWindow.of(Duration.ofSeconds(12), Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(12), window.timeoutAt(NOW, NOW + 20_000));
    }

    @Test
    void aLateStartIsCutSoTheResultIsWrittenBeforeTheClaimExpires() {
        AttemptWindow window = AttemptWindow.of(Duration.ofSeconds(12), Duration.ofSeconds(20));
        // 9 s of the 20 s lease went waiting for a sender: 11 s left, 5 s kept for the write.
        assertEquals(Duration.ofSeconds(6), window.timeoutAt(NOW + 9_000, NOW + 20_000));
    }

    @Test
    void tooLittleLeaseLeftMeansNoAttempt() {
        AttemptWindow window = AttemptWindow.of(Duration.ofSeconds(12), Duration.ofSeconds(20));
        assertNull(window.timeoutAt(NOW + 14_500, NOW + 20_000));
        assertNull(window.timeoutAt(NOW + 25_000, NOW + 20_000), "an expired claim is never attempted");
    }

    @Test
    void theMarginIsAQuarterOfTheLeaseAndAtLeastOneSecond() {
        assertEquals(
                Duration.ofSeconds(15),
                AttemptWindow.of(Duration.ofSeconds(10), Duration.ofSeconds(60)).recordMargin());
        assertEquals(
                Duration.ofSeconds(1),
                AttemptWindow.of(Duration.ofSeconds(1), Duration.ofSeconds(2)).recordMargin());
    }
}
