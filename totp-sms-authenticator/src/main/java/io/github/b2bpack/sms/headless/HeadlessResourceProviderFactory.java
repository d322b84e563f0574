package io.github.b2bpack.sms.headless;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Admin realm resource {@code b2bpack-headless}. Option {@code password-code-ttl} (seconds, 60–86400, default
 * 900): how long a {@code password_code} stays usable.
 */
public final class HeadlessResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "b2bpack-headless";
    static final int DEFAULT_PASSWORD_CODE_TTL = 900;

    private int passwordCodeTtl = DEFAULT_PASSWORD_CODE_TTL;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new HeadlessResourceProvider(passwordCodeTtl);
    }

    @Override
    public void init(Config.Scope config) {
        int ttl = config.getInt("password-code-ttl", DEFAULT_PASSWORD_CODE_TTL);
        if (ttl < 60 || ttl > 86_400) {
            throw new IllegalArgumentException(
                    "spi-admin-realm-restapi-extension--b2bpack-headless--password-code-ttl must be 60-86400 seconds, got "
                            + ttl);
        }
        passwordCodeTtl = ttl;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
