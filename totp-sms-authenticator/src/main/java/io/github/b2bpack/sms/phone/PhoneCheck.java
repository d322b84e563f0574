package io.github.b2bpack.sms.phone;

/** The result of checking a number a user typed: its E.164 form, or the message key of the refusal. */
public record PhoneCheck(String e164, String errorKey) {

    public static PhoneCheck accepted(String e164) {
        return new PhoneCheck(e164, null);
    }

    public static PhoneCheck refused(String errorKey) {
        return new PhoneCheck(null, errorKey);
    }

    public boolean ok() {
        return e164 != null;
    }
}
