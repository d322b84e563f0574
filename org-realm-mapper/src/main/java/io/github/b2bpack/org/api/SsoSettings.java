package io.github.b2bpack.org.api;

import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;

/** The SSO connection settings of this node, held by the organization API's factory (its server options). */
final class SsoSettings {

    private SsoSettings() {}

    /** Hosts whose metadata URLs may resolve to private addresses (option {@code sso-metadata-private-hosts}). */
    static Set<String> privateHosts(KeycloakSession session) {
        OrganizationsResourceProviderFactory factory =
                (OrganizationsResourceProviderFactory) session.getKeycloakSessionFactory()
                        .getProviderFactory(AdminRealmResourceProvider.class, OrganizationsResourceProviderFactory.ID);
        return factory == null ? Set.of() : factory.ssoPrivateHosts();
    }
}
