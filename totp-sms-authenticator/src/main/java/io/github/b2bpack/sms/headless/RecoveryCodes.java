package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.recovery.RecoveryCodeGenerator;
import java.util.List;
import org.keycloak.models.UserModel;

/**
 * The recovery rules of the pages, for the headless API: the pages' own
 * {@link io.github.b2bpack.sms.enrollment.RecoveryCodes} (one {@code sms-recovery-codes} credential for every
 * method, 5 fresh codes at each validated enrollment, shown once, each code once, one recovery login per 24 h with
 * the interval claimed atomically), plus what only this API needs: telling a recovery code from a login code and
 * the removal on {@code force_enroll}.
 */
final class RecoveryCodes {

    enum Use {
        USED,
        WRONG,
        LIMIT_REACHED
    }

    private RecoveryCodes() {}

    /** Replaces the user's recovery codes with 5 new ones and returns them in clear, for this answer only. */
    static List<String> issue(UserModel user) {
        return io.github.b2bpack.sms.enrollment.RecoveryCodes.issue(user);
    }

    static void remove(UserModel user) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    /** Whether {@code input} has the shape of a recovery code (16 symbols) rather than a login code. */
    static boolean looksLikeOne(String input) {
        return RecoveryCodeGenerator.normalize(input) != null;
    }

    /** On {@code USED}, {@code reenrollAction} is required (the method the code stood in for). */
    static Use use(HeadlessContext context, UserModel user, String input, String reenrollAction) {
        return switch (io.github.b2bpack.sms.enrollment.RecoveryCodes.use(
                        context.session(), context.realm(), user, input, reenrollAction)
                .result()) {
            case USED -> Use.USED;
            case WRONG -> Use.WRONG;
            case LIMIT -> Use.LIMIT_REACHED;
        };
    }
}
