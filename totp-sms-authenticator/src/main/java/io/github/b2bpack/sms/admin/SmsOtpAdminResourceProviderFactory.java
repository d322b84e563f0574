package io.github.b2bpack.sms.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Admin realm resource {@code sms-otp}. */
public final class SmsOtpAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "sms-otp";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new SmsOtpAdminResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
