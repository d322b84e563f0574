package io.github.b2bpack.org.api;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.lifecycle.EnvironmentRealms;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import io.github.b2bpack.org.request.ListQuery;
import io.github.b2bpack.org.request.NewOrganization;
import io.github.b2bpack.org.request.OrganizationChange;
import io.github.b2bpack.org.slug.Slugs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * {@code /admin/realms/master/orgs}: the organization API. Authorization uses Keycloak's own admin
 * roles: {@code create-realm} to create, {@code view-realm} on master to list and discover,
 * {@code view-realm} / {@code manage-realm} on the organization's realm to read / change it. An
 * organization's path segment is its slug (the JSON's {@code domain}).
 */
public final class OrganizationsResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final OrganizationManager organizations;
    private final OwnershipSettings ownership;

    OrganizationsResource(
            KeycloakSession session,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            OrganizationManager organizations,
            OwnershipSettings ownership) {
        this.session = session;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.ORGANIZATION);
        this.organizations = organizations;
        this.ownership = ownership;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        AdminPermissions.realms(session, auth.adminAuth()).requireCreateRealm();
        NewOrganization wanted = ApiErrors.guarded(() -> NewOrganization.of(body, ownership));
        Organization org = ApiErrors.guarded(() -> organizations.create(wanted));
        grantCreator(org);
        OrganizationRepresentation rep = toRepresentation(org);
        adminEvent
                .clone(session)
                .operation(OperationType.CREATE)
                .resourcePath("orgs", org.slug())
                .representation(rep)
                .success();
        return Response.status(Response.Status.CREATED)
                .location(session.getContext()
                        .getUri()
                        .getAbsolutePathBuilder()
                        .path(org.slug())
                        .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ListRepresentation list(@Context UriInfo uriInfo) {
        auth.realm().requireViewRealm();
        ListQuery query = ApiErrors.guarded(() -> ListQuery.of(uriInfo.getQueryParameters()));
        OrganizationStore.Page result = organizations.store().page(query.filter(), query.first(), query.perPage());
        List<OrganizationRepresentation> data =
                result.data().stream().map(this::toRepresentation).toList();
        return new ListRepresentation(
                ListRepresentation.TYPE,
                data,
                ListRepresentation.Pagination.of(query.page(), query.perPage(), result.total()),
                result.total());
    }

    @GET
    @Path("discovery")
    @Produces(MediaType.APPLICATION_JSON)
    public DiscoveryRepresentation discover(@QueryParam("email") String email) {
        auth.realm().requireViewRealm();
        String domain = EmailDomains.domainOf(email)
                .orElseThrow(
                        () -> ApiErrors.badRequest("invalid_email", "email must be an address with a valid domain"));
        Organization org = organizations
                .store()
                .findByEmailDomain(domain)
                .orElseThrow(() -> ApiErrors.notFound("no organization owns this email domain"));
        EnvironmentRealms found = organizations.realms(org.slug());
        List<DiscoveryRepresentation.RealmEntry> realms = new ArrayList<>();
        for (Environment environment : Environment.values()) {
            found.of(environment)
                    .ifPresent(realm -> realms.add(new DiscoveryRepresentation.RealmEntry(
                            environment.id(),
                            realm.getName(),
                            found.status(environment).id(),
                            Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()))));
        }
        return new DiscoveryRepresentation(DiscoveryRepresentation.TYPE, org.slug(), org.name(), realms);
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationRepresentation get(@PathParam("slug") String slug) {
        return toRepresentation(readable(slug));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationRepresentation update(@PathParam("slug") String slug, String body) {
        Organization current = changeable(slug);
        OrganizationChange change = ApiErrors.guarded(() -> OrganizationChange.of(body, current.slug(), ownership));
        Organization updated = ApiErrors.guarded(() -> organizations.update(current, change));
        OrganizationRepresentation rep = toRepresentation(updated);
        adminEvent
                .clone(session)
                .operation(OperationType.UPDATE)
                .resourcePath("orgs", current.slug())
                .representation(rep)
                .success();
        return rep;
    }

    @DELETE
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeletedRepresentation delete(@PathParam("slug") String slug) {
        Organization org = changeable(slug);
        OrganizationRepresentation rep = toRepresentation(org);
        organizations.delete(org);
        adminEvent
                .clone(session)
                .operation(OperationType.DELETE)
                .resourcePath("orgs", org.slug())
                .representation(rep)
                .success();
        return new DeletedRepresentation(true, rep);
    }

    /** sso: the organization environment's SSO connection (create, get, update). */
    @Path("{slug}/sso-connection")
    public OrgSsoConnectionResource ssoConnection(@PathParam("slug") String slug) {
        return new OrgSsoConnectionResource(session, auth, organizations, existing(slug));
    }

    /** Ownership of the organization's email domains (status, challenge, verification). */
    @Path("{slug}/email-domains")
    public EmailDomainsResource emailDomains(@PathParam("slug") String slug) {
        Organization org = existing(slug);
        return new EmailDomainsResource(session, auth, permissionsOn(org), adminEvent, organizations, ownership, org);
    }

    /** The organization's users, in the realm of the environment the query names (production by default). */
    @Path("{slug}/users")
    public OrgUsersResource users(@PathParam("slug") String slug) {
        return new OrgUsersResource(session, auth, organizations, existing(slug));
    }

    /** The organization's administrators, invited by email, in the realm of the environment the query names. */
    @Path("{slug}/admins")
    public OrgAdminsResource admins(@PathParam("slug") String slug) {
        return new OrgAdminsResource(session, auth, organizations, existing(slug));
    }

    /** The metadata keys the organization's users may hold. */
    @Path("{slug}/metakeys")
    public MetakeysResource metakeys(@PathParam("slug") String slug) {
        return new MetakeysResource(session, auth, organizations, existing(slug));
    }

    // The SSO connection's self-serve onboarding link (also under the organization realm's sso-connection path).
    @Path("{slug}/sso-connection/onboarding")
    public SsoOnboardingResource ssoOnboarding(@PathParam("slug") String slug) {
        return new SsoOnboardingResource(session, auth, organizations, existing(slug));
    }

    // scim (issue 14): Directory Sync, one per organization and environment.
    /** The organization's directory sync (SCIM), in the realm of the environment the query names. */
    @Path("{slug}/directory-sync")
    public DirectorySyncResource directorySync(@PathParam("slug") String slug) {
        return new DirectorySyncResource(session, auth, organizations, existing(slug));
    }

    // connections: Cryptr's password, TOTP and magic-link connections, read from and written to the environment realm.
    @Path("{slug}/password-connection")
    public PasswordConnectionResource passwordConnection(@PathParam("slug") String slug) {
        return new PasswordConnectionResource(session, auth, organizations, existing(slug));
    }

    @Path("{slug}/totp-connection")
    public TotpConnectionResource totpConnection(@PathParam("slug") String slug) {
        return new TotpConnectionResource(session, auth, organizations, existing(slug));
    }

    @Path("{slug}/magic-link-connection")
    public MagicLinkConnectionResource magicLinkConnection(@PathParam("slug") String slug) {
        return new MagicLinkConnectionResource(session, auth, organizations, existing(slug));
    }
    // end connections

    /** The organization, or 404 for callers allowed to know; callers without any view right get 403. */
    private Organization existing(String slug) {
        Organization org = Slugs.isSlug(slug) ? organizations.store().find(slug).orElse(null) : null;
        if (org == null) {
            auth.realm().requireViewRealm();
            throw ApiErrors.notFound("no organization with domain '" + (Slugs.isSlug(slug) ? slug : "?") + "'");
        }
        return org;
    }

    /** The organization, for callers with {@code view-realm} on its realm. */
    private Organization readable(String slug) {
        Organization org = existing(slug);
        permissionsOn(org).realm().requireViewRealm();
        return org;
    }

    /** The organization, for callers with {@code manage-realm} on its realm. */
    private Organization changeable(String slug) {
        Organization org = existing(slug);
        permissionsOn(org).realm().requireManageRealm();
        return org;
    }

    /** Admin permissions on the organization's production realm (master's when that realm is gone). */
    private AdminPermissionEvaluator permissionsOn(Organization org) {
        return organizations
                .realm(Environment.PRODUCTION.realmName(org.slug()))
                .map(realm -> AdminPermissions.evaluator(session, realm, auth.adminAuth()))
                .orElse(auth);
    }

    /**
     * As Keycloak does for realms created through its API: an admin who may create realms but is not
     * a global admin receives the admin roles of the realms they create.
     */
    private void grantCreator(Organization org) {
        UserModel user = auth.adminAuth().getUser();
        if (user == null || auth.hasOneAdminRole(AdminRoles.ADMIN)) {
            return;
        }
        organizations.realms(org.slug()).present().stream()
                .map(RealmModel::getMasterAdminClient)
                .filter(Objects::nonNull)
                .forEach(client -> client.getRolesStream().forEach(user::grantRole));
    }

    private OrganizationRepresentation toRepresentation(Organization org) {
        return OrganizationRepresentation.of(org, organizations.realms(org.slug())::status);
    }
}
