package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.enrollment.AppOtpEnrollment;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * One check of an authenticator-app login code, shared by {@code app-otp-form} and the headless API so both
 * spend the same {@link AppAttempts} slots (3 per user per OTP period, whichever surface the code came through)
 * and the same reuse refusal: the code goes through Keycloak's {@code otp} credential provider, which refuses a
 * code already used unless the realm's policy allows reuse.
 */
public final class AppCodeCheck {

    public enum Result {
        VALID,
        /** Compared and wrong (or reused): a brute-force failure. */
        WRONG,
        /** No attempt slot left in this period: not compared, so not a guess and not a brute-force failure. */
        NO_SLOT
    }

    private AppCodeCheck() {}

    /** A slot claimed, then the code compared. */
    public static Result check(KeycloakSession session, RealmModel realm, UserModel user, String input) {
        if (!claim(session, realm, user)) {
            return Result.NO_SLOT;
        }
        return valid(user, input) ? Result.VALID : Result.WRONG;
    }

    /** Claims one of the user's slots of the period; a code may be compared only after a claim succeeded. */
    public static boolean claim(KeycloakSession session, RealmModel realm, UserModel user) {
        return AppAttempts.claim(session, realm, user);
    }

    /**
     * Tries the code against each of the user's OTP devices through Keycloak's OTP credential provider; call
     * only after {@link #claim}.
     */
    public static boolean valid(UserModel user, String input) {
        String code = AppOtpEnrollment.normalize(input);
        if (!code.matches("[0-9]{6,8}")) {
            return false;
        }
        for (CredentialModel c : user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .toList()) {
            if (user.credentialManager().isValid(new UserCredentialModel(c.getId(), OTPCredentialModel.TYPE, code))) {
                return true;
            }
        }
        return false;
    }
}
