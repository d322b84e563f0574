package io.github.b2bpack.org.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class OrganizationJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "b2bpack-orgs";

    private static final JpaEntityProvider INSTANCE = new OrganizationJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return INSTANCE;
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
