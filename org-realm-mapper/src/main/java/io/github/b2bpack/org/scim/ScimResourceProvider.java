package io.github.b2bpack.org.scim;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class ScimResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ScimResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new ScimEndpoint(session);
    }

    @Override
    public void close() {}
}
