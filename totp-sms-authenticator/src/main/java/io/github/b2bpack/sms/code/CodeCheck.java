package io.github.b2bpack.sms.code;

/**
 * The rules for one entry of a texted code, free of Keycloak: expiry first (a late right code is
 * refused), then a constant-time compare; a right code is consumed, the {@code maxAttempts}-th wrong
 * one voids the code.
 */
public final class CodeCheck {

    public enum Outcome {
        /** Right code: consume it. */
        VALID,
        /** Wrong code, attempts left: store {@link Result#remaining()}. */
        WRONG,
        /** Wrong code and no attempts left: the code is gone, a new one must be sent. */
        VOIDED,
        /** Too late: the code is gone. */
        EXPIRED,
        /** Nothing pending (never sent, used, voided or evicted). */
        NO_CODE
    }

    /** {@code remaining} is the state to keep (only for {@link Outcome#WRONG}); otherwise remove it. */
    public record Result(Outcome outcome, PendingCode remaining) {
    }

    private CodeCheck() {
    }

    public static Result check(PendingCode pending, String input, long nowMillis, int maxAttempts, String targetDigest) {
        if (pending == null) {
            return new Result(Outcome.NO_CODE, null);
        }
        if (nowMillis >= pending.expiresAtMillis()) {
            return new Result(Outcome.EXPIRED, null);
        }
        String normalized = normalize(input);
        boolean sameTarget = targetDigest == null || targetDigest.equals(pending.targetDigest());
        boolean right = normalized != null
                && CodeHasher.matches(normalized, CodeHasher.decodeSalt(pending.salt()), pending.hash())
                && sameTarget;
        if (right) {
            return new Result(Outcome.VALID, null);
        }
        int failures = pending.failures() + 1;
        if (failures >= maxAttempts) {
            return new Result(Outcome.VOIDED, null);
        }
        return new Result(Outcome.WRONG, pending.withFailures(failures));
    }

    /** Digits only, spaces and dashes dropped; null for anything else or absurd lengths. */
    static String normalize(String input) {
        if (input == null || input.length() > 32) {
            return null;
        }
        StringBuilder digits = new StringBuilder(8);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    /** Seconds until a resend is allowed (0 = now). */
    public static long resendWaitSeconds(PendingCode pending, long nowMillis, long cooldownMillis) {
        if (pending == null) {
            return 0;
        }
        long wait = pending.sentAtMillis() + cooldownMillis - nowMillis;
        return wait <= 0 ? 0 : (wait + 999) / 1000;
    }
}
