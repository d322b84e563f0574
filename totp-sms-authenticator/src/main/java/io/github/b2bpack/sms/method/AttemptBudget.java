package io.github.b2bpack.sms.method;

/**
 * How many authenticator-app codes one user may have checked per OTP period. Brute-force protection counts
 * failures after the fact, and parallel requests all pass its check before any failure is recorded; an atomic
 * slot claimed before each check bounds the guesses whatever the concurrency. With the default policy
 * (6 digits, 30 s, look-around 1 = 3 accepted codes) that is 3 guesses per 30 s, about 9 × 10⁻⁶ per period.
 */
public record AttemptBudget(int attempts, int periodSeconds) {

    public static final int DEFAULT_ATTEMPTS = 3;

    public AttemptBudget {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        periodSeconds = Math.max(periodSeconds, 1);
    }

    /** The slot keys of one user, each held for one period after it is claimed (an exact sliding period). */
    public String slotKey(String realmId, String userId, int slot) {
        return "b2bpack-otp:app-attempt:" + realmId + ":" + userId + ":" + slot;
    }
}
