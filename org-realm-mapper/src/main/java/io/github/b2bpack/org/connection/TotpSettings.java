package io.github.b2bpack.org.connection;

import java.util.Set;

/**
 * A TOTP connection as the realm holds it: whether the browser flow's second-factor sub-flow runs, the methods offered
 * for enrollment (realm attribute {@code b2bpack.otp.methods}), the SMS code lifetime ({@code sms-otp-form}'s
 * {@code codeTtlSeconds}) and the authenticator-app period (the realm's OTP policy). Cryptr's
 * {@code expiry_in_seconds} is the value of the method offered; with both it is ambiguous, so it reads null and the
 * two specific fields say each.
 */
public record TotpSettings(boolean active, TotpMethod method, int smsExpiry, int appExpiry) {

    /** Cryptr's bounds for both methods: 30 seconds to 15 minutes (also {@code sms-otp-form}'s own range). */
    public static final int MIN_EXPIRY = 30;

    public static final int MAX_EXPIRY = 900;

    static final String ACTIVE = "active";
    static final String METHOD = "method";
    static final String EXPIRY = "expiry_in_seconds";
    static final String SMS_EXPIRY = "sms_expiry_in_seconds";
    static final String APP_EXPIRY = "totp_mobile_app_expiry_in_seconds";
    private static final Set<String> FIELDS = Set.of(ACTIVE, METHOD, EXPIRY, SMS_EXPIRY, APP_EXPIRY);
    private static final String METHODS = "method must be sms, totp_mobile_app or sms_or_totp_mobile_app";

    /** Cryptr's {@code expiry_in_seconds}: the lifetime of the one method offered, else null. */
    public Integer expiry() {
        if (method == TotpMethod.SMS) {
            return smsExpiry;
        }
        return method == TotpMethod.TOTP_MOBILE_APP ? appExpiry : null;
    }

    /**
     * These settings with {@code body} applied; {@code expiry_in_seconds} goes to the method the change leaves
     * offered, and is refused as ambiguous when that is both. Everything is checked before anything is returned.
     */
    public TotpSettings changedBy(String body) {
        ConnectionBody change = ConnectionBody.parse(body, FIELDS);
        Boolean activeWanted = change.bool(ACTIVE);
        TotpMethod next = method;
        if (change.has(METHOD)) {
            String text = change.text(METHOD);
            next = text == null ? null : TotpMethod.byId(text).orElse(null);
            if (next == null) {
                throw ConnectionBody.invalid(METHODS);
            }
        }
        int sms = orElse(change.integer(SMS_EXPIRY, MIN_EXPIRY, MAX_EXPIRY), smsExpiry);
        int app = orElse(change.integer(APP_EXPIRY, MIN_EXPIRY, MAX_EXPIRY), appExpiry);
        Integer expiry = change.integer(EXPIRY, MIN_EXPIRY, MAX_EXPIRY);
        if (expiry != null) {
            if (next == TotpMethod.SMS) {
                sms = expiry;
            } else if (next == TotpMethod.TOTP_MOBILE_APP) {
                app = expiry;
            } else {
                throw ConnectionBody.invalid(
                        EXPIRY + " needs one method; with both give " + SMS_EXPIRY + " or " + APP_EXPIRY);
            }
        }
        return new TotpSettings(activeWanted == null ? active : activeWanted, next, sms, app);
    }

    private static int orElse(Integer value, int current) {
        return value == null ? current : value;
    }
}
