package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.SmsAuthenticatorFactory;
import io.github.b2bpack.sms.SmsProviderIds;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** {@code app-otp-form} ("Authenticator app one-time code"). */
public final class AppOtpAuthenticatorFactory extends SmsAuthenticatorFactory {

    public AppOtpAuthenticatorFactory() {
        super(
                SmsProviderIds.APP_OTP_FORM,
                "Authenticator app one-time code",
                "Checks a code of the user's authenticator app (Keycloak's otp credential and the realm's OTP policy), "
                        + "3 checks per user per OTP period, with the pack's recovery codes. Place it after the password "
                        + "step, as an alternative to the SMS code when the realm offers both.",
                "otp",
                true,
                REQUIREMENT_CHOICES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AppOtpAuthenticator();
    }

    /** Nothing to configure: the code rules are the realm's OTP policy (Authentication → Policies → OTP policy). */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
