package io.github.b2bpack.sms.enrollment;

import org.keycloak.models.UserModel;

/**
 * Per-user counters that outlive the credentials: completed enrollments since the last admin reset,
 * the last recovery-code login, and whether the next enrollment is forced (after a recovery code or
 * an admin force-enroll). Kept as user attributes, which live in the database.
 */
public final class EnrollmentState {

    static final String ENROLLMENTS = "b2bpack.sms.enrollments";
    static final String LAST_RECOVERY = "b2bpack.sms.lastRecoveryAt";

    private EnrollmentState() {
    }

    public static int enrollments(UserModel user) {
        return parseInt(user.getFirstAttribute(ENROLLMENTS));
    }

    public static void recordEnrollment(UserModel user) {
        user.setSingleAttribute(ENROLLMENTS, Integer.toString(enrollments(user) + 1));
    }

    public static void resetEnrollments(UserModel user) {
        user.removeAttribute(ENROLLMENTS);
    }

    public static Long lastRecoveryAt(UserModel user) {
        String value = user.getFirstAttribute(LAST_RECOVERY);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static void recordRecovery(UserModel user, long nowMillis) {
        user.setSingleAttribute(LAST_RECOVERY, Long.toString(nowMillis));
    }

    private static int parseInt(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
