package io.github.b2bpack.org.scim;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/directory-sync}: the SCIM endpoint of an organization realm's directory sync. */
public final class ScimResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "directory-sync";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ScimResourceProvider(session);
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
