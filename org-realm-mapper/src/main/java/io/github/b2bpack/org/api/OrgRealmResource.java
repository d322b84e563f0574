package io.github.b2bpack.org.api;

import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Organization;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{organization realm}/orgs/{its domain}/users|admins}: the users and administrators API
 * for the organization's own administrators, whose tokens come from the organization's realm and so are
 * refused under master by Keycloak. Only the realm's own organization is served (another domain: 403); the
 * resources and their permission checks are the master ones, evaluated on this token's realm, so a sandbox
 * environment or any other realm stays out of reach (403).
 */
public final class OrgRealmResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final OrganizationManager organizations;
    private final String ownSlug;

    OrgRealmResource(
            KeycloakSession session, AdminPermissionEvaluator auth, OrganizationManager organizations, String ownSlug) {
        this.session = session;
        this.auth = auth;
        this.organizations = organizations;
        this.ownSlug = ownSlug;
    }

    @Path("{slug}/users")
    public OrgUsersResource users(@PathParam("slug") String slug) {
        return new OrgUsersResource(session, auth, organizations, own(slug));
    }

    @Path("{slug}/admins")
    public OrgAdminsResource admins(@PathParam("slug") String slug) {
        return new OrgAdminsResource(session, auth, organizations, own(slug));
    }

    /** sso: the organization's SSO connection, for its own administrators. */
    @Path("{slug}/sso-connection")
    public OrgSsoConnectionResource ssoConnection(@PathParam("slug") String slug) {
        return new OrgSsoConnectionResource(session, auth, organizations, own(slug));
    }

    // scim (issue 14): the organization's own administrators manage its directory sync.
    @Path("{slug}/directory-sync")
    public DirectorySyncResource directorySync(@PathParam("slug") String slug) {
        return new DirectorySyncResource(session, auth, organizations, own(slug));
    }

    private Organization own(String slug) {
        if (!ownSlug.equals(slug)) {
            throw new ForbiddenException("an organization realm serves its own organization only");
        }
        return organizations
                .store()
                .find(slug)
                .orElseThrow(() -> ApiErrors.notFound("no organization with domain '" + slug + "'"));
    }
}
