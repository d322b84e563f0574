package io.github.b2bpack.sms.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Credential provider of type {@code sms-otp}: the verified phone. */
public final class SmsOtpCredentialProviderFactory implements CredentialProviderFactory<SmsOtpCredentialProvider> {

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new SmsOtpCredentialProvider(session, SmsOtpCredential.TYPE, "b2bpackSmsOtpDisplayName", "b2bpackSmsOtpHelpText", true);
    }

    @Override
    public String getId() {
        return SmsOtpCredential.TYPE;
    }
}
