package io.github.b2bpack.sms.authenticator;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** Fills the login page {@value #TEMPLATE}: authenticator-app code entry, or recovery-code entry. */
final class AppOtpForm {

    static final String TEMPLATE = "totp-sms-authenticator_login-app-otp.ftl";
    /** The field name Keycloak's own OTP form uses, so scripts and password managers written for it still fit. */
    static final String CODE_FIELD = "otp";

    static final String RECOVERY_FIELD = SmsOtpForm.RECOVERY_FIELD;

    private AppOtpForm() {}

    static LoginFormsProvider code(LoginFormsProvider form, int digits, boolean recoveryAvailable) {
        return form.setAttribute("appOtp", new View("code", digits, recoveryAvailable));
    }

    static LoginFormsProvider recovery(LoginFormsProvider form, int digits) {
        return form.setAttribute("appOtp", new View("recovery", digits, true));
    }

    static LoginFormsProvider fieldError(LoginFormsProvider form, String field, String key) {
        return form.addError(new FormMessage(field, key));
    }

    /** {@code appOtp.*} for the template (a bean: FreeMarker reads getters as properties, not record accessors). */
    public static final class View {
        private final String mode;
        private final int digits;
        private final boolean recoveryAvailable;

        View(String mode, int digits, boolean recoveryAvailable) {
            this.mode = mode;
            this.digits = digits;
            this.recoveryAvailable = recoveryAvailable;
        }

        public String getMode() {
            return mode;
        }

        public int getDigits() {
            return digits;
        }

        public boolean isRecoveryAvailable() {
            return recoveryAvailable;
        }
    }
}
