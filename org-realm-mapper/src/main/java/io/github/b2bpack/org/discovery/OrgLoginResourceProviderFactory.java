package io.github.b2bpack.org.discovery;

import io.github.b2bpack.org.api.OrganizationsResourceProviderFactory;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;

public final class OrgLoginResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "org-login";

    private EmailDomainLookupCache discoveryCache;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new OrgLoginResourceProvider(session, discoveryCache);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // One cache per node for both discovery paths, so an API write clears what the login page reads.
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
