package io.github.b2bpack.org.api;

import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Serves the organization API under the administration realm ({@code /admin/realms/master/orgs}), and, under an
 * organization's realm, that organization's users and administrators ({@link OrgRealmResource}).
 */
public final class OrganizationsResourceProvider implements AdminRealmResourceProvider {

    private final RealmTemplate template;
    private final TemplateSanitizer sanitizer;
    private final EmailDomainLookupCache cache;
    private final OwnershipSettings ownership;

    OrganizationsResourceProvider(
            RealmTemplate template,
            TemplateSanitizer sanitizer,
            EmailDomainLookupCache cache,
            OwnershipSettings ownership) {
        this.template = template;
        this.sanitizer = sanitizer;
        this.cache = cache;
        this.ownership = ownership;
    }

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        OrganizationManager organizations = new OrganizationManager(session, template, sanitizer, cache);
        if (!Config.getAdminRealm().equals(realm.getName())) {
            // An organization's realm serves its own users and administrators to its own administrators.
            String slug = realm.getAttribute(OrganizationManager.SLUG_ATTRIBUTE);
            if (slug == null) {
                throw new NotFoundException();
            }
            return new OrgRealmResource(session, auth, organizations, slug);
        }
        return new OrganizationsResource(session, auth, adminEvent, organizations, ownership);
    }

    @Override
    public void close() {}
}
