package io.github.b2bpack.org.connection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The second-factor methods a realm offers, as Cryptr names them and as totp-sms-authenticator stores them in the
 * realm attribute {@code b2bpack.otp.methods} ({@code sms}, {@code app}, {@code sms,app}; absent or unknown means
 * {@code sms}). The third is b2bpack's "both, the user's choice", which Cryptr has no spelling for.
 */
public enum TotpMethod {
    SMS("sms", "sms"),
    TOTP_MOBILE_APP("totp_mobile_app", "app"),
    SMS_OR_TOTP_MOBILE_APP("sms_or_totp_mobile_app", "sms,app");

    /** The realm attribute totp-sms-authenticator reads (its published contract). */
    public static final String REALM_ATTRIBUTE = "b2bpack.otp.methods";

    private final String id;
    private final String attribute;

    TotpMethod(String id, String attribute) {
        this.id = id;
        this.attribute = attribute;
    }

    /** Cryptr's (or b2bpack's) name in the API. */
    public String id() {
        return id;
    }

    /** The value of {@link #REALM_ATTRIBUTE}. */
    public String attribute() {
        return attribute;
    }

    public boolean usesSms() {
        return this != TOTP_MOBILE_APP;
    }

    public boolean usesApp() {
        return this != SMS;
    }

    /** The method of an attribute value as totp-sms-authenticator reads it: order and spaces ignored, else SMS. */
    public static TotpMethod ofAttribute(String value) {
        if (value == null) {
            return SMS;
        }
        String normalized = value.replace(" ", "");
        if (normalized.equals("app")) {
            return TOTP_MOBILE_APP;
        }
        return normalized.equals("sms,app") || normalized.equals("app,sms") ? SMS_OR_TOTP_MOBILE_APP : SMS;
    }

    static Optional<TotpMethod> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
