package io.github.b2bpack.org.ssochallenge;

import io.github.b2bpack.org.api.OrganizationsResourceProviderFactory;
import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/master/sso-saml-challenges} (404 under any other realm). */
public final class SsoChallengesResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "sso-saml-challenges";

    private EmailDomainLookupCache discoveryCache;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(
                    KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
                if (!Config.getAdminRealm().equals(realm.getName())) {
                    throw new NotFoundException();
                }
                return new SsoChallengesResource(s, auth, new OrganizationStore(s, discoveryCache));
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The organization API's cache, so an email domain change is seen here as soon as there.
        discoveryCache = ((OrganizationsResourceProviderFactory) factory.getProviderFactory(
                        AdminRealmResourceProvider.class, OrganizationsResourceProviderFactory.ID))
                .discoveryCache();
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
