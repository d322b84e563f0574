package io.github.b2bpack.sms.sender.http;

/** SPI options of the {@code http} sender. {@code secret} may be a {@code ${vault.key}} reference. */
record HttpSenderSettings(String url, String secret, String signatureHeader, int timeoutMillis) {
}
