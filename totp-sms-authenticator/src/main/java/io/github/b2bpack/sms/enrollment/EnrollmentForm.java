package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.phone.PhoneNumbers;
import java.util.List;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * Fills the enrollment pages: {@value #TEMPLATE} (the number, then the code texted to it) and
 * {@value #CODES_TEMPLATE} (the recovery codes, shown once).
 */
final class EnrollmentForm {

    static final String TEMPLATE = "totp-sms-authenticator_enroll-phone.ftl";
    static final String CODES_TEMPLATE = "totp-sms-authenticator_recovery-codes.ftl";

    private EnrollmentForm() {}

    static LoginFormsProvider phone(LoginFormsProvider form) {
        return form.setAttribute("smsEnroll", new EnrollView("phone", null));
    }

    static LoginFormsProvider code(LoginFormsProvider form, String phone) {
        return form.setAttribute("smsEnroll", new EnrollView("code", PhoneNumbers.mask(phone)));
    }

    static LoginFormsProvider recoveryCodes(LoginFormsProvider form, List<String> codes, String phone) {
        return form.setAttribute(
                "smsRecovery", new RecoveryCodesView(codes, phone == null ? null : PhoneNumbers.mask(phone)));
    }

    static LoginFormsProvider fieldError(LoginFormsProvider form, String field, String key) {
        return form.addError(new FormMessage(field, key));
    }

    /**
     * {@code smsEnroll.*}: the step and the masked number the code went to. A plain bean rather than a
     * record: FreeMarker would expose a record's accessors as methods, not as properties.
     */
    public static final class EnrollView {
        private final String step;
        private final String maskedPhone;

        EnrollView(String step, String maskedPhone) {
            this.step = step;
            this.maskedPhone = maskedPhone;
        }

        public String getStep() {
            return step;
        }

        public String getMaskedPhone() {
            return maskedPhone;
        }
    }

    /**
     * {@code smsRecovery.*}: the codes, shown this once, and the masked number they belong to (null after an
     * authenticator-app enrollment). A bean for FreeMarker.
     */
    public static final class RecoveryCodesView {
        private final List<String> codes;
        private final String maskedPhone;

        RecoveryCodesView(List<String> codes, String maskedPhone) {
            this.codes = List.copyOf(codes);
            this.maskedPhone = maskedPhone;
        }

        public List<String> getCodes() {
            return codes;
        }

        public String getMaskedPhone() {
            return maskedPhone;
        }
    }
}
