package io.github.b2bpack.sms.code;

/**
 * The text of the SMS. With a WebOTP origin the last line is {@code @host #code}, so browsers that
 * support the WebOTP API (and iOS/Android autofill) can offer the code to the page.
 */
public final class SmsText {

    private SmsText() {}

    public static String compose(String template, String code, long ttlMinutes, String webOtpHost) {
        String text = template.replace("{0}", code).replace("{1}", Long.toString(ttlMinutes));
        if (webOtpHost != null && !webOtpHost.isBlank()) {
            text = text + "\n\n@" + webOtpHost + " #" + code;
        }
        return text;
    }
}
