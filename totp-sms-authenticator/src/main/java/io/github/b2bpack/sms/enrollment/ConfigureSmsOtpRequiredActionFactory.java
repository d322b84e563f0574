package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.SmsProviderIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** {@code CONFIGURE_SMS_OTP}: phone enrollment (and re-enrollment) with recovery codes. */
public final class ConfigureSmsOtpRequiredActionFactory implements RequiredActionFactory {

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new ConfigureSmsOtpRequiredAction();
    }

    @Override
    public String getDisplayText() {
        return "Configure SMS one-time codes";
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return SmsProviderIds.CONFIGURE_SMS_OTP;
    }
}
