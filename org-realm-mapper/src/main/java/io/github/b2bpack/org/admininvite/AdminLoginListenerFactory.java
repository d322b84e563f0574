package io.github.b2bpack.org.admininvite;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A global event listener (every realm, nothing to enable per realm, so organization realms made before it
 * existed are covered too) that records an administrator's {@code last_login_at}.
 */
public final class AdminLoginListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "b2bpack-org-admin-login";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AdminLoginListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
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
