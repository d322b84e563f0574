package io.github.b2bpack.sms.admin;

import io.github.b2bpack.sms.SmsProviderIds;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Admin realm resource {@code sms-otp}. */
public final class SmsOtpAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new SmsOtpAdminResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return SmsProviderIds.ADMIN_RESOURCE;
    }
}
