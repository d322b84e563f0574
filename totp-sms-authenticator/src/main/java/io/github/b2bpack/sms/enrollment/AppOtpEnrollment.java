package io.github.b2bpack.sms.enrollment;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;

/**
 * The authenticator-app enrollment both {@code CONFIGURE_APP_OTP} and the headless API perform, so the two
 * store the same credential: Keycloak's own {@code otp} under the realm's OTP policy, the first code from the app
 * proving the scan, the user's other OTP devices replaced (a re-enrollment follows a lost device), and that first
 * code spent so it cannot be replayed at the next login.
 */
public final class AppOtpEnrollment {

    /** The label of the stored device (the account console shows it). */
    public static final String LABEL = "Authenticator app";

    private AppOtpEnrollment() {}

    /** The typed code without spaces ("123 456" as apps show it), never null. */
    public static String normalize(String input) {
        return input == null ? "" : input.replace(" ", "").trim();
    }

    /** The credential for {@code secret} when {@code code} is its current code under the realm's policy, else null. */
    public static OTPCredentialModel firstCode(RealmModel realm, String secret, String code) {
        OTPCredentialModel model = OTPCredentialModel.createFromPolicy(realm, secret, LABEL);
        String typed = normalize(code);
        if (!typed.matches("[0-9]{6,8}")
                || !CredentialValidation.validOTP(
                        typed, model, realm.getOTPPolicy().getLookAheadWindow())) {
            return null;
        }
        return model;
    }

    /** Replaces the user's OTP devices with {@code model} and spends {@code code} on it. */
    public static void store(UserModel user, OTPCredentialModel model, String code) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        CredentialModel stored = user.credentialManager().createStoredCredential(model);
        // Through Keycloak's provider, which remembers used codes: the enrollment code is refused at the next
        // login within its window.
        user.credentialManager()
                .isValid(new UserCredentialModel(stored.getId(), OTPCredentialModel.TYPE, normalize(code)));
    }
}
