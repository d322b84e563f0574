package io.github.b2bpack.webhook.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateSlotsTest {

    @Test
    void intervalsRoundUpNeverFaster() {
        assertEquals(1000, RateSlots.intervalMillis(1));
        assertEquals(500, RateSlots.intervalMillis(2));
        assertEquals(334, RateSlots.intervalMillis(3));
        assertEquals(1, RateSlots.intervalMillis(1000));
        assertThrows(IllegalArgumentException.class, () -> RateSlots.intervalMillis(0));
        assertThrows(IllegalArgumentException.class, () -> RateSlots.intervalMillis(1001));
    }

    @Test
    void anIdleWebhookGetsOneSlotNowAtTwoPerSecond() {
        RateSlots s = RateSlots.reserve(0, 10_000, 2, 20);
        assertEquals(1, s.granted());
        assertEquals(10_000, s.slot(0));
        assertEquals(10_500, s.nextSlotAt());
        assertEquals(10_500, s.slot(1), "the first row put back is due at the next free slot");
        assertEquals(19_500, s.slot(19));
    }

    @Test
    void aBusyWebhookGetsNoSlotBeforeItsNextFreeOne() {
        RateSlots s = RateSlots.reserve(12_000, 10_000, 2, 3);
        assertEquals(0, s.granted());
        assertEquals(12_000, s.nextSlotAt());
        assertEquals(12_000, s.slot(0));
    }

    @Test
    void slotsWithinTheHorizonAreGranted() {
        RateSlots s = RateSlots.reserve(10_050, 10_000, 2, 3);
        assertEquals(1, s.granted());
        assertEquals(10_050, s.slot(0));
        RateSlots fast = RateSlots.reserve(0, 10_000, 1000, 500);
        assertEquals(RateSlots.HORIZON_MILLIS + 1, fast.granted());
        assertEquals(10_000 + RateSlots.HORIZON_MILLIS + 1, fast.nextSlotAt());
    }

    /**
     * Reservations made one after another (as the row lock orders them across nodes), at random times and sizes:
     * whatever the interleaving, no window of one second holds more granted slots than the limit.
     */
    @Test
    void grantedSlotsNeverExceedTheLimitInAnySecond() {
        Random random = new Random(16);
        for (int limit : new int[] {1, 2, 3, 7, 50, 1000}) {
            long next = 0;
            long now = 1_000_000;
            List<Long> sent = new ArrayList<>();
            for (int pass = 0; pass < 2_000; pass++) {
                now += random.nextInt(300);
                RateSlots s = RateSlots.reserve(next, now, limit, 1 + random.nextInt(20));
                for (int i = 0; i < s.granted(); i++) {
                    assertTrue(s.slot(i) >= now && s.slot(i) <= now + RateSlots.HORIZON_MILLIS);
                    sent.add(s.slot(i));
                }
                next = s.nextSlotAt();
            }
            for (int i = limit; i < sent.size(); i++) {
                assertTrue(
                        sent.get(i) - sent.get(i - limit) >= 1000,
                        "limit " + limit + ": " + (limit + 1) + " slots within a second at " + i);
            }
        }
    }
}
