package io.github.b2bpack.webhook.api;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

public final class WebhooksAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "webhooks";

    private static final WebhooksAdminResourceProvider PROVIDER = new WebhooksAdminResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
