package io.github.b2bpack.org.api;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/sso-connections} ({@link SsoConnectionsResource}); under any other realm, 404. It
 * reuses the organization API factory's template and cache, so organizations read the same way everywhere.
 */
public final class SsoConnectionsResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "sso-connections";

    private KeycloakSessionFactory sessionFactory;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(
                    KeycloakSession session,
                    RealmModel realm,
                    AdminPermissionEvaluator auth,
                    AdminEventBuilder adminEvent) {
                if (!Config.getAdminRealm().equals(realm.getName())) {
                    throw new NotFoundException();
                }
                OrganizationsResourceProviderFactory orgs =
                        (OrganizationsResourceProviderFactory) sessionFactory.getProviderFactory(
                                AdminRealmResourceProvider.class, OrganizationsResourceProviderFactory.ID);
                return new SsoConnectionsResource(session, auth, orgs.organizations(session));
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
