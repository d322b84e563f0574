package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.enrollment.EnrollmentState;
import io.github.b2bpack.sms.recovery.RecoveryCodeGenerator;
import io.github.b2bpack.sms.recovery.RecoveryCodeHasher.HashedCode;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import java.security.SecureRandom;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/**
 * The recovery rules of the pages, for the headless API: one {@code sms-recovery-codes} credential for every
 * method, 5 fresh codes at each validated enrollment (shown once), each code once, one recovery login per 24 h
 * (stored time checked, then the interval claimed atomically, as the login page does).
 */
final class RecoveryCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Use {
        USED,
        WRONG,
        LIMIT_REACHED
    }

    private RecoveryCodes() {}

    /** Replaces the user's recovery codes with 5 new ones and returns them in clear, for this answer only. */
    static List<String> issue(UserModel user) {
        remove(user);
        List<String> codes = new RecoveryCodeGenerator(RANDOM).generate();
        List<String> normalized =
                codes.stream().map(RecoveryCodeGenerator::normalize).toList();
        user.credentialManager()
                .createStoredCredential(RecoveryCodesCredential.create(normalized, RANDOM, Time.currentTimeMillis()));
        return codes;
    }

    static void remove(UserModel user) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    /** Whether {@code input} has the shape of a recovery code (16 symbols) rather than a texted code. */
    static boolean looksLikeOne(String input) {
        return RecoveryCodeGenerator.normalize(input) != null;
    }

    static Use use(HeadlessContext context, UserModel user, String input) {
        long now = Time.currentTimeMillis();
        if (!RecoveryRules.recoveryAllowed(EnrollmentState.lastRecoveryAt(user), now)
                || !EnrollmentState.claimRecovery(context.session(), context.realm(), user)) {
            return Use.LIMIT_REACHED;
        }
        CredentialModel credential = user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .findFirst()
                .orElse(null);
        String normalized = RecoveryCodeGenerator.normalize(input);
        List<HashedCode> left = credential == null || normalized == null
                ? null
                : RecoveryCodesCredential.consume(credential, normalized);
        if (left == null) {
            EnrollmentState.releaseRecovery(context.session(), context.realm(), user);
            return Use.WRONG;
        }
        RecoveryCodesCredential.write(credential, left, now);
        user.credentialManager().updateStoredCredential(credential);
        EnrollmentState.recordRecovery(user, now);
        return Use.USED;
    }
}
