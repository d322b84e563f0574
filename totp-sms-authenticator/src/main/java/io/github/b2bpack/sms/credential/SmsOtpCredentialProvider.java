package io.github.b2bpack.sms.credential;

import io.github.b2bpack.sms.SmsProviderIds;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores and lists {@code sms-otp} and {@code sms-recovery-codes} credentials (one provider per type,
 * see {@link SmsCredentialProviderFactory}), both second-factor credentials set up by
 * {@code CONFIGURE_SMS_OTP}. Codes are checked by the authenticator, not through {@code isValid}, so
 * this provider only stores and describes.
 */
public final class SmsOtpCredentialProvider implements CredentialProvider<CredentialModel> {

    /** One stored credential type and the message keys the account console shows for it. */
    record Kind(String type, String displayKey, String helpKey) {}

    private final KeycloakSession session;
    private final Kind kind;

    SmsOtpCredentialProvider(KeycloakSession session, Kind kind) {
        this.session = session;
        this.kind = kind;
    }

    @Override
    public String getType() {
        return kind.type();
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credentialModel) {
        return user.credentialManager().createStoredCredential(credentialModel);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(kind.type())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(kind.displayKey())
                .helpText(kind.helpKey())
                .iconCssClass("kcAuthenticatorOTPClass")
                .createAction(SmsProviderIds.CONFIGURE_SMS_OTP)
                .updateAction(SmsProviderIds.CONFIGURE_SMS_OTP)
                .removeable(true)
                .build(session);
    }
}
