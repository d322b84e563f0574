package io.github.b2bpack.sms.recovery;

import java.time.Duration;

/** Limits on recovery: one recovery-code login per 24 h, and at most 5 self re-enrollments. */
public final class RecoveryRules {

    public static final Duration RECOVERY_INTERVAL = Duration.ofHours(24);
    public static final int MAX_SELF_REENROLLMENTS = 5;

    private RecoveryRules() {}

    public static boolean recoveryAllowed(Long lastRecoveryMillis, long nowMillis) {
        return lastRecoveryMillis == null || nowMillis - lastRecoveryMillis >= RECOVERY_INTERVAL.toMillis();
    }

    /** {@code enrollments} counts completed enrollments since the last admin reset (the first is free). */
    public static boolean selfEnrollmentAllowed(int enrollments) {
        return enrollments <= MAX_SELF_REENROLLMENTS;
    }
}
