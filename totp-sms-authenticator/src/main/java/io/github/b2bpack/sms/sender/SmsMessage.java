package io.github.b2bpack.sms.sender;

/** One SMS to send: E.164 recipient and text. The text holds a secret code: never log it. */
public record SmsMessage(String to, String text) {

    @Override
    public String toString() {
        return "SmsMessage[to=" + io.github.b2bpack.sms.phone.PhoneNumbers.mask(to) + "]";
    }
}
