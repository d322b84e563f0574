package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.SmsProviderIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** {@code CONFIGURE_APP_OTP}: authenticator-app enrollment (and re-enrollment) with recovery codes. */
public final class ConfigureAppOtpRequiredActionFactory implements RequiredActionFactory {

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new ConfigureAppOtpRequiredAction();
    }

    @Override
    public String getDisplayText() {
        return "Configure authenticator app (with recovery codes)";
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return SmsProviderIds.CONFIGURE_APP_OTP;
    }
}
