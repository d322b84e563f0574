package io.github.b2bpack.org.api;

import io.github.b2bpack.org.model.DomainLookupCache;
import io.github.b2bpack.org.model.OrganizationManager;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves the organization API under the administration realm only ({@code /admin/realms/master/orgs}). */
public final class OrganizationsResourceProvider implements AdminRealmResourceProvider {

    private final RealmTemplate template;
    private final TemplateSanitizer sanitizer;
    private final DomainLookupCache cache;

    OrganizationsResourceProvider(RealmTemplate template, TemplateSanitizer sanitizer, DomainLookupCache cache) {
        this.template = template;
        this.sanitizer = sanitizer;
        this.cache = cache;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        if (!Config.getAdminRealm().equals(realm.getName())) {
            throw new NotFoundException();
        }
        return new OrganizationsResource(session, auth, adminEvent, new OrganizationManager(session, template, sanitizer, cache));
    }

    @Override
    public void close() {
    }
}
