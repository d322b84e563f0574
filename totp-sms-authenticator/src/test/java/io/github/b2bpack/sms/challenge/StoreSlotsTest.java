package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.Cap;
import io.github.b2bpack.sms.budget.ServerCaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Budgets and attempt slots on a {@code SingleUseObjectProvider} (in memory), with real threads racing. */
class StoreSlotsTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final StoreSlots slots = new StoreSlots(store);

    @Test
    void twelveParallelSendsGetOneCooldownClaim() throws Exception {
        long won = Race.run(12, () -> store.putIfAbsent("cooldown:alice", 30)).stream()
                .filter(b -> b)
                .count();
        assertEquals(1, won);
        store.clock.addAndGet(30_000);
        assertTrue(store.putIfAbsent("cooldown:alice", 30), "free again after the cooldown");
    }

    @Test
    void aCapOfFiveGrantsExactlyFiveOfFortyParallelClaims() throws Exception {
        Cap cap = new Cap("user", 5, 3600);
        long now = store.clock.get();
        long granted = Race.run(40, () -> Budgets.claim(slots, "user:alice", cap, now)).stream()
                .filter(k -> k != null)
                .count();
        assertEquals(5, granted);
    }

    @Test
    void slidingSlotsFreeThemselvesOneWindowAfterTheirSend() {
        Cap cap = new Cap("user", 2, 3600);
        assertNotNull(Budgets.claim(slots, "u", cap, store.clock.get()));
        store.clock.addAndGet(1_800_000);
        assertNotNull(Budgets.claim(slots, "u", cap, store.clock.get()));
        assertNull(Budgets.claim(slots, "u", cap, store.clock.get()));
        store.clock.addAndGet(1_800_000);
        assertNotNull(Budgets.claim(slots, "u", cap, store.clock.get()), "the first send left the window");
        assertNull(Budgets.claim(slots, "u", cap, store.clock.get()), "the second has not");
    }

    @Test
    void largeCapsCountInFixedWindowsAndNeverExceedTheLimitInParallel() throws Exception {
        Cap cap = new Cap("server", 150, 3600);
        long now = store.clock.get();
        long granted = Race.run(32, () -> {
                    int n = 0;
                    for (int i = 0; i < 10; i++) {
                        if (Budgets.claim(slots, "server", cap, now) != null) {
                            n++;
                        }
                    }
                    return n;
                })
                .stream()
                .mapToLong(Integer::longValue)
                .sum();
        assertEquals(150, granted);
    }

    @Test
    void aRefusingCapGivesBackTheSlotsOfTheOthers() {
        List<Budgets.Request> requests = List.of(
                new Budgets.Request("user:alice", new Cap("user", 5, 3600)),
                new Budgets.Request("number:x", new Cap("number", 1, 3600)));
        long now = store.clock.get();
        assertTrue(Budgets.claimAll(slots, requests, now).granted());
        Budgets.Outcome refused = Budgets.claimAll(slots, requests, now);
        assertFalse(refused.granted());
        assertEquals("number", refused.refusedBy().name());
        // Only the first send holds a user slot: 4 are left, not 3.
        int left = 0;
        while (Budgets.claim(slots, "user:alice", new Cap("user", 5, 3600), now) != null) {
            left++;
        }
        assertEquals(4, left);
    }

    @Test
    void fortyParallelTriesOfOneCodeGetThreeAttemptSlots() throws Exception {
        Cap attempts = new Cap("attempts", 3, 600);
        long now = store.clock.get();
        List<Integer> slotsTaken = Race.run(40, () -> Budgets.claimIndex(slots, "try:code-1", attempts, now));
        assertEquals(3, slotsTaken.stream().filter(i -> i >= 0).count());
        assertEquals(
                List.of(0, 1, 2),
                slotsTaken.stream().filter(i -> i >= 0).sorted().toList());
        assertEquals(0, Budgets.claimIndex(slots, "try:code-2", attempts, now), "a new code has its own slots");
    }

    @Test
    void aPendingCodeIsRemovedByExactlyOneOfManyParallelCallers() throws Exception {
        store.put("code:alice", 600, Map.of("id", "c1"));
        long winners = Race.run(16, () -> store.remove("code:alice") != null).stream()
                .filter(b -> b)
                .count();
        assertEquals(1, winners);
    }

    @Test
    void serverCapsHaveSaneDefaultsAndRefuseNonsense() {
        assertEquals(5, ServerCaps.DEFAULTS.perNumber("d", false).cap().limit());
        assertTrue(ServerCaps.DEFAULTS.perNumber("d", false).cap().sliding());
        assertFalse(ServerCaps.DEFAULTS.perServer().sliding());
        assertEquals(86_400, ServerCaps.DEFAULTS.perRealm().windowSeconds());
        assertEquals(3, ServerCaps.DEFAULTS.perNumber("d", true).cap().limit());
        assertEquals(
                "max-sends-per-number-per-hour must be between 1 and 10000000",
                assertThrows(IllegalArgumentException.class, () -> new ServerCaps(0, 1, 1, 1))
                        .getMessage());
        assertEquals(
                "max-enrollment-sends-per-number-per-hour must be between 1 and 10000000",
                assertThrows(IllegalArgumentException.class, () -> new ServerCaps(1, 0, 1, 1))
                        .getMessage());
        assertEquals(
                "max-sends-per-server-per-hour must be between 1 and 10000000",
                assertThrows(IllegalArgumentException.class, () -> new ServerCaps(1, 1, 1, 10_000_001))
                        .getMessage());
    }

    @Test
    void loginAndEnrollmentSendsToOneNumberHaveSeparateKeys() {
        Budgets.Request login = ServerCaps.DEFAULTS.perNumber("d1", false);
        Budgets.Request enroll = ServerCaps.DEFAULTS.perNumber("d1", true);
        assertEquals("b2bpack-sms:budget:number:login:d1", login.base());
        assertEquals("b2bpack-sms:budget:number:enroll:d1", enroll.base());
        assertEquals(5, login.cap().limit());
        assertEquals(3, enroll.cap().limit());
        assertEquals("number", enroll.cap().name(), "told 'too many codes' like the login cap");
    }

    /** The attack of the review: enrollment sends to a victim's number must leave its login budget whole. */
    @Test
    void parallelEnrollmentSendsToANumberNeverSpendItsLoginBudget() throws Exception {
        long now = store.clock.get();
        ServerCaps caps = ServerCaps.DEFAULTS;
        long enrollGranted =
                Race.run(
                                12,
                                () -> Budgets.claimAll(slots, List.of(caps.perNumber("victim", true)), now)
                                        .granted())
                        .stream()
                        .filter(b -> b)
                        .count();
        assertEquals(3, enrollGranted, "the enrollment budget holds under a race");
        long loginGranted = Race.run(
                        12,
                        () -> Budgets.claimAll(slots, List.of(caps.perNumber("victim", false)), now)
                                .granted())
                .stream()
                .filter(b -> b)
                .count();
        assertEquals(5, loginGranted, "all login codes still go out after the enrollment budget is spent");
    }
}
