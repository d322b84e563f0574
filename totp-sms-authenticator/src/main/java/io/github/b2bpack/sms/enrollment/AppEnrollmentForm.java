package io.github.b2bpack.sms.enrollment;

import org.keycloak.forms.login.LoginFormsProvider;

/** Fills {@value #TEMPLATE}: the QR code, the {@code otpauth://} URI and the secret for manual entry. */
final class AppEnrollmentForm {

    static final String TEMPLATE = "totp-sms-authenticator_enroll-app.ftl";

    private AppEnrollmentForm() {}

    static LoginFormsProvider setup(
            LoginFormsProvider form, String qrPng, String uri, String manualKey, int digits, int period) {
        return form.setAttribute("appEnroll", new View(qrPng, uri, manualKey, digits, period));
    }

    /** {@code appEnroll.*}: a bean, as FreeMarker reads getters as properties. */
    public static final class View {
        private final String qrPng;
        private final String uri;
        private final String manualKey;
        private final int digits;
        private final int period;

        View(String qrPng, String uri, String manualKey, int digits, int period) {
            this.qrPng = qrPng;
            this.uri = uri;
            this.manualKey = manualKey;
            this.digits = digits;
            this.period = period;
        }

        /** Base64 PNG of the QR code (Keycloak's own renderer). */
        public String getQrPng() {
            return qrPng;
        }

        public String getUri() {
            return uri;
        }

        public String getManualKey() {
            return manualKey;
        }

        public int getDigits() {
            return digits;
        }

        public int getPeriod() {
            return period;
        }
    }
}
