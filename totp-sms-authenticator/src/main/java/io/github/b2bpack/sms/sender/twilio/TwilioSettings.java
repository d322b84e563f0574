package io.github.b2bpack.sms.sender.twilio;

/**
 * SPI options of the {@code twilio} sender. Either {@code from} or {@code messagingServiceSid} is
 * used (the service wins). {@code authToken} may be a {@code ${vault.key}} reference.
 */
record TwilioSettings(String baseUrl, String accountSid, String authToken, String from, String messagingServiceSid, int timeoutMillis) {
}
