package io.github.b2bpack.sms.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * One factory per stored credential type, each creating a {@link SmsOtpCredentialProvider} for its type
 * with the message keys the account console shows for it. The provider id is the credential type.
 */
public abstract class SmsCredentialProviderFactory implements CredentialProviderFactory<SmsOtpCredentialProvider> {

    private final SmsOtpCredentialProvider.Kind kind;

    protected SmsCredentialProviderFactory(String type, String displayKey, String helpKey) {
        this.kind = new SmsOtpCredentialProvider.Kind(type, displayKey, helpKey);
    }

    @Override
    public final CredentialProvider create(KeycloakSession session) {
        return new SmsOtpCredentialProvider(session, kind);
    }

    @Override
    public final String getId() {
        return kind.type();
    }
}
