package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resend cooldown as {@link CodeSender} uses it, on an in-memory single-use store. */
class PendingCodesTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final PendingCodes codes = new PendingCodes(store, new ChallengeKeys("r1", "alice", Purpose.ENROLL));

    @Test
    void twelveParallelSendsGetOneCooldownClaim() throws Exception {
        long now = store.clock.get();
        assertEquals(
                1,
                Race.run(12, () -> codes.claimCooldown(30, now)).stream()
                        .filter(b -> b)
                        .count());
    }

    @Test
    void theWaitCountsDownFromTheSendAndTheClaimFreesItself() {
        long sent = store.clock.get();
        assertEquals(0, codes.resendWaitSeconds(30_000, sent), "no claim, no wait");
        assertTrue(codes.claimCooldown(30, sent));
        assertEquals(30, codes.resendWaitSeconds(30_000, sent));
        store.clock.addAndGet(18_000);
        assertEquals(12, codes.resendWaitSeconds(30_000, store.clock.get()));
        store.clock.addAndGet(11_500);
        assertEquals(1, codes.resendWaitSeconds(30_000, store.clock.get()), "rounded up");
        assertFalse(codes.claimCooldown(30, store.clock.get()));
        store.clock.addAndGet(500);
        assertEquals(0, codes.resendWaitSeconds(30_000, store.clock.get()));
        assertTrue(codes.claimCooldown(30, store.clock.get()));
    }

    @Test
    void whileTheClaimHoldsTheWaitIsNeverZero() {
        long sent = store.clock.get();
        assertTrue(codes.claimCooldown(30, sent));
        // The time of the send is lost or unreadable: still told to wait, never "0 seconds".
        store.remove("b2bpack-sms:cooldown:enroll:r1:alice:at");
        assertEquals(30, codes.resendWaitSeconds(30_000, sent));
        store.put("b2bpack-sms:cooldown:enroll:r1:alice:at", 30, Map.of("at", "soon"));
        assertEquals(30, codes.resendWaitSeconds(30_000, sent));
        store.put("b2bpack-sms:cooldown:enroll:r1:alice:at", 30, Map.of("at", Long.toString(sent)));
        assertEquals(1, codes.resendWaitSeconds(30_000, sent + 60_000), "a node whose clock runs ahead of the claim");
    }

    @Test
    void loginAndEnrollmentCodesOfOneUserLiveApart() {
        ChallengeKeys enroll = new ChallengeKeys("r1", "alice", Purpose.ENROLL);
        ChallengeKeys login = new ChallengeKeys("r1", "alice", Purpose.LOGIN);
        assertEquals("b2bpack-sms:code:enroll:r1:alice", enroll.code());
        assertEquals("b2bpack-sms:code:login:r1:alice", login.code());
        assertTrue(codes.claimCooldown(30, store.clock.get()));
        assertTrue(new PendingCodes(store, login).claimCooldown(30, store.clock.get()));
    }
}
