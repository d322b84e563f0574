package io.github.b2bpack.sms.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlotPlanTest {

    @Test
    void windowsAreAlignedOnTheClockSoEveryNodeUsesTheSameKeys() {
        assertEquals(0, SlotPlan.windowIndex(3_599_999, 3600));
        assertEquals(1, SlotPlan.windowIndex(3_600_000, 3600));
        assertEquals("b:w:1:7", SlotPlan.bucketKey("b", 1, 7));
        assertEquals("b:s:3", SlotPlan.slidingKey("b", 3));
        assertEquals("b:w:1:next", SlotPlan.hintKey("b", 1));
    }

    @Test
    void bucketSlotsAreHeldUntilTheEndOfTheirWindow() {
        assertEquals(3601, SlotPlan.bucketLifespanSeconds(3_600_000, 3600));
        assertEquals(2, SlotPlan.bucketLifespanSeconds(7_199_000, 3600));
        assertEquals(2, SlotPlan.bucketLifespanSeconds(7_199_999, 3600));
    }

    @Test
    void theHintOnlyChoosesWhereToStart() {
        assertEquals(0, SlotPlan.firstProbe(-1, 10));
        assertEquals(4, SlotPlan.firstProbe(4, 10));
        assertEquals(10, SlotPlan.firstProbe(99, 10));
    }

    @Test
    void aFixedWindowCapStartsAtTheHintAndRefusesAFullWindowWithoutProbing() {
        MapSlotStore store = new MapSlotStore();
        Cap cap = new Cap("realm", 200, 86_400);
        for (int i = 0; i < 200; i++) {
            assertNotNull(Budgets.claim(store, "r", cap, 1000));
        }
        assertEquals(200, store.probes, "one probe per send thanks to the hint");
        assertNull(Budgets.claim(store, "r", cap, 1000));
        int before = store.probes;
        assertNull(Budgets.claim(store, "r", cap, 1000));
        assertEquals(before, store.probes, "a full window costs no probe");
        assertNotNull(Budgets.claim(store, "r", cap, 86_400_000), "the next day starts empty");
    }

    @Test
    void aWrongHintNeverGrantsMoreThanTheLimit() {
        MapSlotStore store = new MapSlotStore();
        Cap cap = new Cap("realm", 150, 3600);
        int granted = 0;
        for (int i = 0; i < 400; i++) {
            store.held.put(SlotPlan.hintKey("r", 0), i % 7 == 0 ? 0 : -1); // a hint that keeps lagging
            if (Budgets.claim(store, "r", cap, 10) != null) {
                granted++;
            }
        }
        assertEquals(150, granted);
    }

    @Test
    void slidingIsUsedForSmallCapsOnly() {
        assertTrue(new Cap("user", SlotPlan.SLIDING_MAX, 3600).sliding());
        assertTrue(!new Cap("ip", SlotPlan.SLIDING_MAX + 1, 3600).sliding());
        assertThrows(IllegalArgumentException.class, () -> new Cap("x", 0, 3600));
        assertThrows(IllegalArgumentException.class, () -> new Cap("x", 1, 0));
    }
}
