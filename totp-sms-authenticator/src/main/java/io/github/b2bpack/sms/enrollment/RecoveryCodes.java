package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.recovery.RecoveryCodeGenerator;
import io.github.b2bpack.sms.recovery.RecoveryCodeHasher.HashedCode;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import java.security.SecureRandom;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The one set of recovery codes a user holds, whichever method (SMS, authenticator app, or both) they
 * enrolled: issued at every enrollment of either method (replacing the previous set), each usable once,
 * one recovery login per {@link RecoveryRules#RECOVERY_INTERVAL}, after which the method whose page the
 * code was used on must be enrolled again. The credential type stays {@code sms-recovery-codes} so the codes
 * of users enrolled before the app method existed keep working without a migration.
 */
public final class RecoveryCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a recovery-code attempt came to; {@code remaining} only for {@link Result#USED}. */
    public record Outcome(Result result, int remaining) {}

    public enum Result {
        /** A recovery login already happened within the interval (or is happening in parallel). */
        LIMIT,
        /** No unused code matched: a brute-force failure. */
        WRONG,
        USED
    }

    private RecoveryCodes() {}

    /** Replaces the user's recovery codes with 5 new ones and returns them, to be shown this once. */
    public static List<String> issue(UserModel user) {
        long now = Time.currentTimeMillis();
        user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        List<String> codes = new RecoveryCodeGenerator(RANDOM).generate();
        List<String> normalized =
                codes.stream().map(RecoveryCodeGenerator::normalize).toList();
        user.credentialManager().createStoredCredential(RecoveryCodesCredential.create(normalized, RANDOM, now));
        return codes;
    }

    /** Whether a login page offers the recovery-code link: the user has unused codes. */
    public static boolean available(UserModel user) {
        CredentialModel credential = credential(user);
        return credential != null && RecoveryCodesCredential.remaining(credential) > 0;
    }

    /**
     * Checks {@code input}: the stored time of the last recovery login first, then the interval is claimed
     * atomically (two codes submitted at once cannot both pass); a wrong code gives the claim back. On
     * success the code is consumed, the time recorded and {@code reenrollAction} required.
     */
    public static Outcome use(
            KeycloakSession session, RealmModel realm, UserModel user, String input, String reenrollAction) {
        long now = Time.currentTimeMillis();
        if (!RecoveryRules.recoveryAllowed(EnrollmentState.lastRecoveryAt(user), now)
                || !EnrollmentState.claimRecovery(session, realm, user)) {
            return new Outcome(Result.LIMIT, 0);
        }
        CredentialModel credential = credential(user);
        String normalized = RecoveryCodeGenerator.normalize(input);
        List<HashedCode> left = credential == null || normalized == null
                ? null
                : RecoveryCodesCredential.consume(credential, normalized);
        if (left == null) {
            EnrollmentState.releaseRecovery(session, realm, user);
            return new Outcome(Result.WRONG, 0);
        }
        RecoveryCodesCredential.write(credential, left, now);
        user.credentialManager().updateStoredCredential(credential);
        EnrollmentState.recordRecovery(user, now);
        user.addRequiredAction(reenrollAction);
        return new Outcome(Result.USED, left.size());
    }

    private static CredentialModel credential(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .findFirst()
                .orElse(null);
    }
}
