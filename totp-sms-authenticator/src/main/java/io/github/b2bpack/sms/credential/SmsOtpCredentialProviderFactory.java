package io.github.b2bpack.sms.credential;

/** Credential provider of type {@code sms-otp}: the verified phone. */
public final class SmsOtpCredentialProviderFactory extends SmsCredentialProviderFactory {

    public SmsOtpCredentialProviderFactory() {
        super(SmsOtpCredential.TYPE, "b2bpackSmsOtpDisplayName", "b2bpackSmsOtpHelpText");
    }
}
