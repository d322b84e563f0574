package io.github.b2bpack.sms.credential;

/** Credential provider of type {@code sms-recovery-codes}: the unused recovery codes, hashed. */
public final class RecoveryCodesCredentialProviderFactory extends SmsCredentialProviderFactory {

    public RecoveryCodesCredentialProviderFactory() {
        super(RecoveryCodesCredential.TYPE, "b2bpackSmsRecoveryDisplayName", "b2bpackSmsRecoveryHelpText");
    }
}
