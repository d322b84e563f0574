package io.github.b2bpack.sms.directgrant;

import io.github.b2bpack.sms.SmsAuthenticatorFactory;
import io.github.b2bpack.sms.SmsProviderIds;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** {@code direct-grant-sms-otp} ("SMS second factor: refuse password grant"). */
public final class DirectGrantSmsOtpAuthenticatorFactory extends SmsAuthenticatorFactory {

    public static final String EXEMPT_CLIENTS = "exemptClients";

    private static final DirectGrantSmsOtpAuthenticator SINGLETON = new DirectGrantSmsOtpAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(EXEMPT_CLIENTS)
            .label("Exempt clients")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .helpText(
                    "Client ids that may still get tokens with the password alone for users who have an SMS second factor. "
                            + "Every client listed here is a way around the second factor: anyone who learns a user's password can use it "
                            + "to get that user's tokens. Leave empty unless a legacy client cannot use the browser, and never list admin-cli.")
            .add()
            .build();

    public DirectGrantSmsOtpAuthenticatorFactory() {
        // No reference category: the step checks no secret, so it reports nothing to brute-force protection.
        super(
                SmsProviderIds.DIRECT_GRANT_SMS_OTP,
                "Second factor (SMS or app): refuse password grant",
                "For direct-grant flows, after the password: refuses the password grant (invalid_grant) for users who have an "
                        + "SMS or authenticator-app second factor (credential sms-otp or otp), since the grant cannot apply the "
                        + "pack's code rules. Place it in a "
                        + "Conditional sub-flow with 'Condition - user configured'.",
                null,
                false,
                Requirement.REQUIRED,
                Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
