package io.github.b2bpack.sms;

/**
 * The ids the module's providers are registered under. They live here, not on the factories, so a
 * package that names another package's provider (the enrollment action, the {@code sms-otp-form}
 * settings) needs only this class and the packages stay free of cycles. Realm exports, flows and
 * server options refer to these values: they never change.
 */
public final class SmsProviderIds {

    /** Authenticator: texts a code to the user's verified phone and checks it. */
    public static final String SMS_OTP_FORM = "sms-otp-form";
    /** Authenticator: refuses the password grant to users who have an SMS second factor. */
    public static final String DIRECT_GRANT_SMS_OTP = "direct-grant-sms-otp";
    /** Required action: phone enrollment and re-enrollment. */
    public static final String CONFIGURE_SMS_OTP = "CONFIGURE_SMS_OTP";
    /** Authenticator: checks a code of the user's authenticator app (Keycloak's {@code otp} credential). */
    public static final String APP_OTP_FORM = "app-otp-form";
    /** Required action: authenticator-app enrollment (QR code) with the shared recovery codes. */
    public static final String CONFIGURE_APP_OTP = "CONFIGURE_APP_OTP";
    /** Admin realm resource {@code /admin/realms/{realm}/sms-otp}. */
    public static final String ADMIN_RESOURCE = "sms-otp";
    /** The SPI of the SMS gateways, and its three providers. */
    public static final String SENDER_SPI = "sms-sender";

    public static final String LOG_SENDER = "log";
    public static final String HTTP_SENDER = "http";
    public static final String TWILIO_SENDER = "twilio";

    private SmsProviderIds() {}
}
