package io.github.b2bpack.sms.code;

/**
 * The rules for one entry of a texted code, free of Keycloak. The caller first claims an attempt slot
 * atomically ({@code attempt} is its 0-based index, -1 when all {@code maxAttempts} were taken), so
 * parallel entries can never be counted against the same stored value. Then: expiry first (a late
 * right code is refused), no slot means the code is void, then a constant-time compare; the entry that
 * holds the last slot and is wrong voids the code.
 */
public final class CodeCheck {

    public enum Outcome {
        /** Right code: the caller consumes it (and only one caller can). */
        VALID,
        /** Wrong code, attempts left. */
        WRONG,
        /** Wrong code on the last attempt, or no attempt left: the code is gone, a new one must be sent. */
        VOIDED,
        /** Too late: the code is gone. */
        EXPIRED,
        /** Nothing pending (never sent, used, voided or evicted). */
        NO_CODE
    }

    private CodeCheck() {}

    public static boolean expired(PendingCode pending, long nowMillis) {
        return nowMillis >= pending.expiresAtMillis();
    }

    public static Outcome check(
            PendingCode pending, String input, long nowMillis, int attempt, int maxAttempts, String targetDigest) {
        if (pending == null) {
            return Outcome.NO_CODE;
        }
        if (expired(pending, nowMillis)) {
            return Outcome.EXPIRED;
        }
        if (attempt < 0 || attempt >= maxAttempts) {
            return Outcome.VOIDED;
        }
        String normalized = normalize(input);
        boolean sameTarget = targetDigest == null || targetDigest.equals(pending.targetDigest());
        boolean right = normalized != null
                && CodeHasher.matches(normalized, CodeHasher.decodeSalt(pending.salt()), pending.hash())
                && sameTarget;
        if (right) {
            return Outcome.VALID;
        }
        return attempt + 1 >= maxAttempts ? Outcome.VOIDED : Outcome.WRONG;
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

    /** Seconds until a resend is allowed after an SMS sent at {@code sentAtMillis} (0 = now), rounded up. */
    public static long resendWaitSeconds(long sentAtMillis, long nowMillis, long cooldownMillis) {
        long wait = sentAtMillis + cooldownMillis - nowMillis;
        return wait <= 0 ? 0 : (wait + 999) / 1000;
    }
}
