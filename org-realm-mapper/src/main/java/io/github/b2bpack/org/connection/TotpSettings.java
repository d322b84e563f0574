package io.github.b2bpack.org.connection;

import java.util.Set;

/**
 * A TOTP connection as the realm enforces it: the method whose browser-flow step runs (null when none does, which is
 * an inactive connection), the SMS code lifetime ({@code sms-otp-form}'s {@code codeTtlSeconds}) and the
 * authenticator-app period (the realm's OTP policy). Cryptr's {@code expiry_in_seconds} is the value of the method in
 * use; with both methods on it is ambiguous, so it reads null and the two specific fields say each.
 */
public record TotpSettings(TotpMethod method, int smsExpiry, int appExpiry) {

    /** Cryptr's bounds for both methods: 30 seconds to 15 minutes (also {@code sms-otp-form}'s own range). */
    public static final int MIN_EXPIRY = 30;

    public static final int MAX_EXPIRY = 900;

    static final String ACTIVE = "active";
    static final String METHOD = "method";
    static final String EXPIRY = "expiry_in_seconds";
    static final String SMS_EXPIRY = "sms_expiry_in_seconds";
    static final String APP_EXPIRY = "totp_mobile_app_expiry_in_seconds";
    private static final Set<String> FIELDS = Set.of(ACTIVE, METHOD, EXPIRY, SMS_EXPIRY, APP_EXPIRY);

    public boolean active() {
        return method != null;
    }

    /** Cryptr's {@code expiry_in_seconds}: the lifetime of the one method in use, else null. */
    public Integer expiry() {
        if (method == TotpMethod.SMS) {
            return smsExpiry;
        }
        return method == TotpMethod.TOTP_MOBILE_APP ? appExpiry : null;
    }

    /**
     * These settings with {@code body} applied. Activating without a method turns both steps on (the organization
     * template's choice); a method with {@code active=false}, or {@code expiry_in_seconds} when both or no methods
     * run, is refused as ambiguous. Everything is checked before anything is returned.
     */
    public TotpSettings changedBy(String body) {
        ConnectionBody change = ConnectionBody.parse(body, FIELDS);
        Boolean activeWanted = change.bool(ACTIVE);
        String methodText = change.text(METHOD);
        TotpMethod wantedMethod = null;
        if (methodText != null) {
            wantedMethod = TotpMethod.byId(methodText)
                    .orElseThrow(() ->
                            ConnectionBody.invalid("method must be sms, totp_mobile_app or sms_or_totp_mobile_app"));
        } else if (change.has(METHOD)) {
            throw ConnectionBody.invalid("method must be sms, totp_mobile_app or sms_or_totp_mobile_app");
        }
        TotpMethod next;
        if (Boolean.FALSE.equals(activeWanted)) {
            if (wantedMethod != null) {
                throw ConnectionBody.invalid(
                        "an inactive connection has no method: leave method out with active=false");
            }
            next = null;
        } else if (wantedMethod != null) {
            next = wantedMethod;
        } else if (Boolean.TRUE.equals(activeWanted) && method == null) {
            next = TotpMethod.SMS_OR_TOTP_MOBILE_APP;
        } else {
            next = method;
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
                throw ConnectionBody.invalid(EXPIRY + " needs one method in use; with "
                        + (next == null ? "none" : "both") + " give " + SMS_EXPIRY + " or " + APP_EXPIRY);
            }
        }
        return new TotpSettings(next, sms, app);
    }

    private static int orElse(Integer value, int current) {
        return value == null ? current : value;
    }
}
