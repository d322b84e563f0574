package io.github.b2bpack.sms.authenticator;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** Fills the login page {@value #TEMPLATE}: code entry, or recovery-code entry. */
final class SmsOtpForm {

    static final String TEMPLATE = "totp-sms-authenticator_login-sms-otp.ftl";
    static final String CODE_FIELD = "code";
    static final String RECOVERY_FIELD = "recoveryCode";

    private SmsOtpForm() {}

    static LoginFormsProvider code(
            LoginFormsProvider form, String maskedPhone, int codeLength, boolean recoveryAvailable) {
        return form.setAttribute("smsOtp", new View("code", maskedPhone, codeLength, recoveryAvailable));
    }

    static LoginFormsProvider recovery(LoginFormsProvider form, String maskedPhone, int codeLength) {
        return form.setAttribute("smsOtp", new View("recovery", maskedPhone, codeLength, true));
    }

    static LoginFormsProvider fieldError(LoginFormsProvider form, String field, String key) {
        return form.addError(new FormMessage(field, key));
    }

    /**
     * What the template reads as {@code smsOtp.*}. A plain bean rather than a record: FreeMarker
     * would expose a record's {@code mode()} accessor as a method, not as the property.
     */
    public static final class View {
        private final String mode;
        private final String maskedPhone;
        private final int codeLength;
        private final boolean recoveryAvailable;

        View(String mode, String maskedPhone, int codeLength, boolean recoveryAvailable) {
            this.mode = mode;
            this.maskedPhone = maskedPhone;
            this.codeLength = codeLength;
            this.recoveryAvailable = recoveryAvailable;
        }

        public String getMode() {
            return mode;
        }

        public String getMaskedPhone() {
            return maskedPhone;
        }

        public int getCodeLength() {
            return codeLength;
        }

        public boolean isRecoveryAvailable() {
            return recoveryAvailable;
        }
    }
}
