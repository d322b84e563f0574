package io.github.b2bpack.org.connection;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which second factor the realm's browser flow asks for. Cryptr names two; the third is b2bpack's "both, the user's
 * choice" (a realm may run the SMS and the authenticator-app steps side by side, each for the users who enrolled it).
 */
public enum TotpMethod {
    SMS("sms"),
    TOTP_MOBILE_APP("totp_mobile_app"),
    SMS_OR_TOTP_MOBILE_APP("sms_or_totp_mobile_app");

    private final String id;

    TotpMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean usesSms() {
        return this != TOTP_MOBILE_APP;
    }

    public boolean usesApp() {
        return this != SMS;
    }

    /** The method of these two steps' states; empty when neither runs. */
    public static Optional<TotpMethod> of(boolean sms, boolean app) {
        if (sms && app) {
            return Optional.of(SMS_OR_TOTP_MOBILE_APP);
        }
        return sms ? Optional.of(SMS) : app ? Optional.of(TOTP_MOBILE_APP) : Optional.empty();
    }

    static Optional<TotpMethod> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
