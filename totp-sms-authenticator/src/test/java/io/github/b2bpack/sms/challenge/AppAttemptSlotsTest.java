package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.sms.method.AttemptBudget;
import org.junit.jupiter.api.Test;

/** App-code attempt slots on a {@code SingleUseObjectProvider} (in memory), with real threads racing. */
class AppAttemptSlotsTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final AttemptBudget budget = new AttemptBudget(3, 30);

    @Test
    void fortyParallelChecksOfOneUserGetExactlyThreeSlots() throws Exception {
        long won = Race.run(40, () -> AppAttemptSlots.claim(store, budget, "r", "alice")).stream()
                .filter(b -> b)
                .count();
        assertEquals(3, won);
        assertTrue(AppAttemptSlots.claim(store, budget, "r", "bob"), "another user has slots of their own");
        assertTrue(AppAttemptSlots.claim(store, budget, "other-realm", "alice"), "and another realm");
    }

    @Test
    void slotsFreeThemselvesOnePeriodAfterTheirClaim() {
        for (int i = 0; i < 3; i++) {
            assertTrue(AppAttemptSlots.claim(store, budget, "r", "alice"));
        }
        assertFalse(AppAttemptSlots.claim(store, budget, "r", "alice"));
        store.clock.addAndGet(29_000);
        assertFalse(AppAttemptSlots.claim(store, budget, "r", "alice"), "still inside the period");
        store.clock.addAndGet(1_000);
        assertTrue(AppAttemptSlots.claim(store, budget, "r", "alice"), "free one period after the claim");
    }
}
