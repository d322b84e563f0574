package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.credential.SmsOtpStateCredential;
import io.github.b2bpack.sms.credential.SmsOtpStateCredential.State;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Per-user counters that outlive the credentials: completed enrollments since the last admin reset
 * and the last recovery-code login. They live in the {@code b2bpack-sms-state} credential, out of the
 * user's reach; earlier versions kept them in user attributes, which a realm's user profile can let
 * users edit, so those are read once, moved into the credential and removed.
 */
public final class EnrollmentState {

    static final String LEGACY_ENROLLMENTS = "b2bpack.sms.enrollments";
    static final String LEGACY_LAST_RECOVERY = "b2bpack.sms.lastRecoveryAt";

    private EnrollmentState() {}

    public static int enrollments(UserModel user) {
        return load(user).enrollments();
    }

    public static void recordEnrollment(UserModel user) {
        State state = load(user);
        save(user, state.withEnrollments(state.enrollments() + 1));
    }

    public static void resetEnrollments(UserModel user) {
        save(user, load(user).withEnrollments(0));
    }

    public static Long lastRecoveryAt(UserModel user) {
        return load(user).lastRecoveryAt();
    }

    public static void recordRecovery(UserModel user, long nowMillis) {
        save(user, load(user).withLastRecoveryAt(nowMillis));
    }

    /**
     * The atomic half of the 24 h recovery limit: one claim per user per interval in the cluster-wide
     * single-use store, so two recovery codes submitted at the same instant cannot both pass the
     * stored timestamp check. Give it back with {@link #releaseRecovery} when the code was wrong.
     */
    public static boolean claimRecovery(KeycloakSession session, RealmModel realm, UserModel user) {
        return session.singleUseObjects()
                .putIfAbsent(recoveryKey(realm, user), RecoveryRules.RECOVERY_INTERVAL.toSeconds());
    }

    public static void releaseRecovery(KeycloakSession session, RealmModel realm, UserModel user) {
        session.singleUseObjects().remove(recoveryKey(realm, user));
    }

    private static String recoveryKey(RealmModel realm, UserModel user) {
        return "b2bpack-sms:recovery:" + realm.getId() + ":" + user.getId();
    }

    private static CredentialModel credential(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpStateCredential.TYPE)
                .findFirst()
                .orElse(null);
    }

    private static State load(UserModel user) {
        CredentialModel credential = credential(user);
        if (credential != null) {
            return SmsOtpStateCredential.read(credential);
        }
        String enrollments = user.getFirstAttribute(LEGACY_ENROLLMENTS);
        String lastRecovery = user.getFirstAttribute(LEGACY_LAST_RECOVERY);
        if (enrollments == null && lastRecovery == null) {
            return State.EMPTY;
        }
        // One-time migration; a negative count (never written by us) is clamped to 0 by State.
        State migrated = new State(parseInt(enrollments), parseLong(lastRecovery));
        save(user, migrated);
        return migrated;
    }

    private static void save(UserModel user, State state) {
        CredentialModel credential = credential(user);
        if (credential == null) {
            user.credentialManager()
                    .createStoredCredential(SmsOtpStateCredential.create(state, Time.currentTimeMillis()));
        } else {
            SmsOtpStateCredential.write(credential, state);
            user.credentialManager().updateStoredCredential(credential);
        }
        user.removeAttribute(LEGACY_ENROLLMENTS);
        user.removeAttribute(LEGACY_LAST_RECOVERY);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
