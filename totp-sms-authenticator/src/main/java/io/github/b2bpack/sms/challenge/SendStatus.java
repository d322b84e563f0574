package io.github.b2bpack.sms.challenge;

/** What happened when a code was asked for; each refusal has its own message key. */
public enum SendStatus {
    SENT(null),
    /** A valid code is already pending: nothing sent (page reloads land here). */
    ALREADY_PENDING(null),
    COOLDOWN("b2bpackSmsResendTooSoon"),
    USER_CAP("b2bpackSmsTooManySends"),
    IP_CAP("b2bpackSmsTooManySends"),
    NO_SENDER("b2bpackSmsNotConfigured"),
    DELIVERY_FAILED("b2bpackSmsDeliveryFailed");

    private final String messageKey;

    SendStatus(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
