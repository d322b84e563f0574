package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.sms.code.CodeCheck.Outcome;
import io.github.b2bpack.sms.code.CodeHasher;
import io.github.b2bpack.sms.code.PendingCode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Entries of a texted code against an in-memory single-use store, the clock moved by the test. */
class CodeVerifierTest {

    private static final String PHONE = "+33612345678";

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final PendingCodes codes = new PendingCodes(store, new ChallengeKeys("r1", "alice", Purpose.LOGIN));
    private final CodeVerifier verifier = new CodeVerifier(codes, 3, store.clock::get);

    /** Stores {@code code} as {@link CodeSender} does after a send: pending for {@code ttlSeconds}. */
    private PendingCode pending(String id, String code, long ttlSeconds) {
        byte[] salt = CodeHasher.newSalt(new SecureRandom());
        long now = store.clock.get();
        PendingCode pending = new PendingCode(
                id,
                CodeHasher.hash(code, salt),
                CodeHasher.encodeSalt(salt),
                now,
                now + ttlSeconds * 1000,
                ChallengeKeys.numberDigest(PHONE));
        codes.put(pending, ttlSeconds);
        return pending;
    }

    @Test
    void ofSixteenParallelRightEntriesExactlyOneSucceeds() throws Exception {
        pending("c1", "123456", 600);
        Map<Outcome, Long> outcomes = Race.run(16, () -> verifier.verify("123456", PHONE)).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(1L, outcomes.get(Outcome.VALID), outcomes.toString());
        // The others found the code used, or came too late for one of its 3 attempt slots.
        assertTrue(
                Set.of(Outcome.VALID, Outcome.NO_CODE, Outcome.VOIDED).containsAll(outcomes.keySet()),
                outcomes.toString());
        assertEquals(Outcome.NO_CODE, verifier.verify("123456", PHONE), "a used code is gone");
    }

    @Test
    void theThirdWrongEntryVoidsTheCode() {
        pending("c1", "123456", 600);
        assertEquals(
                List.of(Outcome.WRONG, Outcome.WRONG, Outcome.VOIDED, Outcome.NO_CODE),
                List.of(
                        verifier.verify("000000", PHONE), verifier.verify("111111", PHONE),
                        verifier.verify("222222", PHONE), verifier.verify("123456", PHONE)));
    }

    @Test
    void theRightCodeIsRefusedOnceExpiredAndThenGone() {
        pending("c1", "123456", 30);
        store.clock.addAndGet(29_999);
        assertEquals(Outcome.WRONG, verifier.verify("654321", PHONE), "still valid a millisecond before expiry");
        store.clock.addAndGet(1);
        assertEquals(Outcome.EXPIRED, verifier.verify("123456", PHONE));
        assertEquals(Outcome.NO_CODE, verifier.verify("123456", PHONE));
    }

    @Test
    void aCodeSentToAnotherNumberDoesNotVerifyThisOne() {
        pending("c1", "123456", 600);
        assertEquals(Outcome.WRONG, verifier.verify("123456", "+33612345679"));
        assertEquals(Outcome.VALID, verifier.verify("123456", PHONE));
    }

    @Test
    void aUsedCodeEndsTheCooldownAndAWrongOneDoesNot() {
        long now = store.clock.get();
        assertTrue(codes.claimCooldown(30, now));
        pending("c1", "123456", 600);
        verifier.verify("000000", PHONE);
        assertFalse(codes.claimCooldown(30, now), "a wrong entry leaves the cooldown");
        assertEquals(Outcome.VALID, verifier.verify("123456", PHONE));
        assertTrue(codes.claimCooldown(30, now), "the next SMS is a new challenge, not a resend");
    }

    @Test
    void aNewerCodeSentInBetweenSurvivesTheRemovalOfTheOldOne() {
        PendingCode old = pending("c1", "123456", 600);
        PendingCode newer = pending("c2", "654321", 600);
        assertFalse(codes.removeIfStill(old, store.clock.get()));
        assertEquals(newer, codes.stored());
        assertEquals(Outcome.VALID, verifier.verify("654321", PHONE));
    }
}
