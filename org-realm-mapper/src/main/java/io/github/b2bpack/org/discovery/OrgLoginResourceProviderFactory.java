package io.github.b2bpack.org.discovery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

public final class OrgLoginResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "org-login";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new OrgLoginResourceProvider(session);
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
