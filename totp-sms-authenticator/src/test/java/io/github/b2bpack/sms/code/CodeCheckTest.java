package io.github.b2bpack.sms.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CodeCheckTest {

    private static final long T0 = 1_000_000L;
    private static final long TTL = 600_000L;

    private static PendingCode pending(String code) {
        byte[] salt = CodeHasher.newSalt(new SecureRandom());
        return new PendingCode("id-1", CodeHasher.hash(code, salt), CodeHasher.encodeSalt(salt), T0, T0 + TTL, "phone");
    }

    @Test
    void rightCodeBeforeExpiryIsValid() {
        assertEquals(CodeCheck.Outcome.VALID, CodeCheck.check(pending("123456"), "123 456", T0 + 1, 0, 3, "phone"));
    }

    @Test
    void theEntryHoldingTheLastAttemptVoidsAWrongCode() {
        PendingCode p = pending("123456");
        assertEquals(CodeCheck.Outcome.WRONG, CodeCheck.check(p, "000000", T0 + 1, 0, 3, "phone"));
        assertEquals(CodeCheck.Outcome.WRONG, CodeCheck.check(p, "111111", T0 + 2, 1, 3, "phone"));
        assertEquals(CodeCheck.Outcome.VOIDED, CodeCheck.check(p, "222222", T0 + 3, 2, 3, "phone"));
    }

    @Test
    void withoutAnAttemptSlotEvenTheRightCodeIsRefused() {
        assertEquals(CodeCheck.Outcome.VOIDED, CodeCheck.check(pending("123456"), "123456", T0 + 1, -1, 3, "phone"));
        assertEquals(CodeCheck.Outcome.VOIDED, CodeCheck.check(pending("123456"), "123456", T0 + 1, 3, 3, "phone"));
        assertEquals(
                CodeCheck.Outcome.VALID,
                CodeCheck.check(pending("123456"), "123456", T0 + 1, 2, 3, "phone"),
                "the last slot may still be right");
    }

    @Test
    void rightCodeAfterExpiryIsRefused() {
        assertEquals(CodeCheck.Outcome.EXPIRED, CodeCheck.check(pending("123456"), "123456", T0 + TTL, 0, 3, "phone"));
        assertEquals(
                CodeCheck.Outcome.VALID, CodeCheck.check(pending("123456"), "123456", T0 + TTL - 1, 0, 3, "phone"));
    }

    @Test
    void codeSentToAnotherNumberDoesNotVerifyThisOne() {
        assertEquals(CodeCheck.Outcome.WRONG, CodeCheck.check(pending("123456"), "123456", T0 + 1, 0, 3, "other"));
    }

    @Test
    void garbageCountsAsAWrongEntry() {
        for (String junk : new String[] {null, "", "abc", "12345<script>", "9".repeat(10_000)}) {
            assertEquals(
                    CodeCheck.Outcome.WRONG,
                    CodeCheck.check(pending("123456"), junk, T0 + 1, 0, 3, "phone"),
                    String.valueOf(junk).length() + "");
        }
    }

    @Test
    void nothingPendingIsReportedAsSuch() {
        assertEquals(CodeCheck.Outcome.NO_CODE, CodeCheck.check(null, "123456", T0, 0, 3, "phone"));
    }

    @Test
    void resendWaitCountsDownTheCooldown() {
        assertEquals(30, CodeCheck.resendWaitSeconds(T0, T0, 30_000));
        assertEquals(1, CodeCheck.resendWaitSeconds(T0, T0 + 29_500, 30_000));
        assertEquals(0, CodeCheck.resendWaitSeconds(T0, T0 + 30_000, 30_000));
        assertEquals(0, CodeCheck.resendWaitSeconds(T0, T0 + 90_000, 30_000), "never negative");
        assertEquals(0, CodeCheck.resendWaitSeconds(T0, T0, 0), "no cooldown");
        assertEquals(12, CodeCheck.resendWaitSeconds(T0, T0 + 18_000, 30_000));
    }

    @Test
    void pendingCodesSurviveTheStoreMapAndOldEntriesGetAnId() {
        PendingCode p = pending("123456");
        assertEquals(p, PendingCode.fromMap(p.toMap()));
        java.util.Map<String, String> old = new java.util.HashMap<>(p.toMap());
        old.remove("id");
        old.put("failures", "1");
        assertEquals(p.hash(), PendingCode.fromMap(old).id());
        assertNull(PendingCode.fromMap(java.util.Map.of("hash", "x")));
    }

    @Test
    void hashIsSaltedAndNeverTheCode() {
        byte[] salt1 = CodeHasher.newSalt(new SecureRandom());
        byte[] salt2 = CodeHasher.newSalt(new SecureRandom());
        String h1 = CodeHasher.hash("123456", salt1);
        assertNotEquals(h1, CodeHasher.hash("123456", salt2));
        assertTrue(!h1.contains("123456"));
        assertTrue(CodeHasher.matches("123456", salt1, h1));
    }

    @Test
    void pendingCodeSurvivesTheStoreRoundTripAndCorruptionMeansNoCode() {
        PendingCode p = pending("123456");
        assertEquals(p, PendingCode.fromMap(p.toMap()));
        assertNull(PendingCode.fromMap(java.util.Map.of("hash", "x", "salt", "y", "sentAt", "nope")));
    }

    @Test
    void generatedCodesHaveTheConfiguredLengthAndOnlyDigits() {
        OneTimeCodeGenerator gen = new OneTimeCodeGenerator(new SecureRandom());
        for (int len = 6; len <= 8; len++) {
            String code = gen.next(len);
            assertEquals(len, code.length());
            assertTrue(code.chars().allMatch(Character::isDigit));
        }
    }
}
