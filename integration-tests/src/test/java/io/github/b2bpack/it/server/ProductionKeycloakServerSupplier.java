package io.github.b2bpack.it.server;

import org.jboss.logging.Logger;
import org.keycloak.testframework.server.AbstractKeycloakServerSupplier;
import org.keycloak.testframework.server.KeycloakServer;

/** {@code kc.test.server=production}: {@link ProductionKeycloakServer}, on the database of {@code kc.test.database}. */
public final class ProductionKeycloakServerSupplier extends AbstractKeycloakServerSupplier {

    @Override
    public KeycloakServer getServer() {
        return new ProductionKeycloakServer();
    }

    @Override
    public boolean requiresDatabase() {
        return true;
    }

    @Override
    public String getAlias() {
        return "production";
    }

    @Override
    public Logger getLogger() {
        return Logger.getLogger(ProductionKeycloakServerSupplier.class);
    }
}
