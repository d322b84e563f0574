package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.phone.PhoneNumbers;

/** What happened when a code was asked for; each refusal has its own message key. */
public enum SendStatus {
    SENT(null),
    /** A valid code is already pending: nothing sent (page reloads land here). */
    ALREADY_PENDING(null),
    COOLDOWN("b2bpackSmsResendTooSoon"),
    USER_CAP("b2bpackSmsTooManySends"),
    IP_CAP("b2bpackSmsTooManySends"),
    NUMBER_CAP("b2bpackSmsTooManySends"),
    REALM_CAP("b2bpackSmsTooManySends"),
    SERVER_CAP("b2bpackSmsTooManySends"),
    NO_SENDER("b2bpackSmsNotConfigured"),
    DELIVERY_FAILED("b2bpackSmsDeliveryFailed"),
    /** The stored number no longer passes the phone rules (checked again at every send). */
    PHONE_INVALID(PhoneNumbers.INVALID),
    PHONE_COUNTRY(PhoneNumbers.COUNTRY_NOT_ALLOWED),
    PHONE_TYPE(PhoneNumbers.TYPE_NOT_ALLOWED),
    PHONE_VOIP(PhoneNumbers.VOIP_NOT_ALLOWED);

    private final String messageKey;

    SendStatus(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    static SendStatus forPhoneRefusal(String errorKey) {
        for (SendStatus s : values()) {
            if (s.name().startsWith("PHONE_") && s.messageKey.equals(errorKey)) {
                return s;
            }
        }
        return PHONE_INVALID;
    }

    static SendStatus forCap(String capName) {
        return switch (capName) {
            case "user" -> USER_CAP;
            case "ip" -> IP_CAP;
            case "number" -> NUMBER_CAP;
            case "realm" -> REALM_CAP;
            default -> SERVER_CAP;
        };
    }
}
