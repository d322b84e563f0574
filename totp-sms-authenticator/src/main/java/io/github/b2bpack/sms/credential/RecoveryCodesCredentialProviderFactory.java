package io.github.b2bpack.sms.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Credential provider of type {@code sms-recovery-codes}: the unused recovery codes, hashed. */
public final class RecoveryCodesCredentialProviderFactory implements CredentialProviderFactory<SmsOtpCredentialProvider> {

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new SmsOtpCredentialProvider(session, RecoveryCodesCredential.TYPE, "b2bpackSmsRecoveryDisplayName", "b2bpackSmsRecoveryHelpText", true);
    }

    @Override
    public String getId() {
        return RecoveryCodesCredential.TYPE;
    }
}
