package io.github.b2bpack.password.hashing.rotation;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Admin REST extension {@code password-hashing}: {@code GET /admin/realms/{realm}/password-hashing/pepper-rotation}. */
public final class PasswordHashingAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "password-hashing";

    private static final PasswordHashingAdminResourceProvider PROVIDER = new PasswordHashingAdminResourceProvider();

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
