package io.github.b2bpack.sms.sender;

/** The gateway refused or could not be reached. The message never holds the text or full number. */
public final class SmsDeliveryException extends Exception {

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
