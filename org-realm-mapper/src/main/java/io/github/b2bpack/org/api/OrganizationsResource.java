package io.github.b2bpack.org.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.model.OrganizationManager;
import io.github.b2bpack.org.model.OrganizationStore;
import io.github.b2bpack.org.model.StatusFilter;
import io.github.b2bpack.org.ownership.OwnershipSettings;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * {@code view-realm} / {@code manage-realm} on the organization's realm to read / change it.
 */
public final class OrganizationsResource {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;
    public static final String STATUS_FILTER = "q[environments_status_in][]";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final OrganizationManager organizations;
    private final OwnershipSettings ownership;

    OrganizationsResource(KeycloakSession session, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                          OrganizationManager organizations, OwnershipSettings ownership) {
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
        OrganizationRequest request = parse(body);
        if (request.domain() != null) {
            throw ApiErrors.badRequest("invalid_request", "domain is generated from the name and cannot be set");
        }
        String slug;
        List<String> domains;
        try {
            slug = OrganizationRequest.slugOfName(request.name());
            domains = EmailDomains.normalizeAll(request.allowedEmailDomains());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_request", e.getMessage());
        }
        refusePublic(domains);
        Organization org = guarded(() -> organizations.create(slug, request.name().trim(), domains,
                request.environments() == null ? Map.of() : request.environments()));
        grantCreator(org);
        OrganizationRepresentation rep = toRepresentation(org);
        adminEvent.clone(session).operation(OperationType.CREATE).resourcePath("orgs", slug).representation(rep).success();
        return Response.status(Response.Status.CREATED)
                .location(session.getContext().getUri().getAbsolutePathBuilder().path(slug).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ListRepresentation list(@jakarta.ws.rs.core.Context UriInfo uriInfo) {
        auth.realm().requireViewRealm();
        var query = uriInfo.getQueryParameters();
        int page = positiveInt(query.getFirst("page"), 1, "page", Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = positiveInt(query.getFirst("per_page"), DEFAULT_PER_PAGE, "per_page", MAX_PER_PAGE);
        List<String> statuses = new ArrayList<>();
        for (String key : List.of(STATUS_FILTER, "q[environments_status_in]")) {
            List<String> values = query.get(key);
            if (values != null) {
                statuses.addAll(values);
            }
        }
        StatusFilter filter = statusFilter(statuses);
        OrganizationStore.Page result = organizations.store().page(filter, (page - 1) * perPage, perPage);
        List<OrganizationRepresentation> data = result.data().stream().map(this::toRepresentation).toList();
        return new ListRepresentation(ListRepresentation.TYPE, data,
                ListRepresentation.Pagination.of(page, perPage, result.total()), result.total());
    }

    @GET
    @Path("discovery")
    @Produces(MediaType.APPLICATION_JSON)
    public DiscoveryRepresentation discover(@QueryParam("email") String email) {
        auth.realm().requireViewRealm();
        String domain = EmailDomains.domainOf(email).orElseThrow(() ->
                ApiErrors.badRequest("invalid_email", "email must be an address with a valid domain"));
        Organization org = organizations.store().findByEmailDomain(domain).orElseThrow(() ->
                ApiErrors.notFound("no organization owns this email domain"));
        List<DiscoveryRepresentation.RealmEntry> realms = new ArrayList<>();
        OrganizationManager.EnvironmentRealms found = organizations.realms(org.slug());
        addRealm(realms, EnvironmentRepresentation.PRODUCTION, found.production());
        addRealm(realms, EnvironmentRepresentation.SANDBOX, found.sandbox());
        return new DiscoveryRepresentation(DiscoveryRepresentation.TYPE, org.slug(), org.name(), realms);
    }

    @GET
    @Path("{domain}")
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationRepresentation get(@PathParam("domain") String domain) {
        Organization org = existing(domain);
        permissionsOn(org).realm().requireViewRealm();
        return toRepresentation(org);
    }

    @PUT
    @Path("{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationRepresentation update(@PathParam("domain") String domain, String body) {
        Organization current = existing(domain);
        permissionsOn(current).realm().requireManageRealm();
        OrganizationRequest request = parse(body);
        if (request.domain() != null && !request.domain().equals(current.slug())) {
            throw ApiErrors.badRequest("immutable_domain", "domain never changes once the organization exists");
        }
        String name = null;
        List<String> domains = null;
        try {
            if (request.name() != null) {
                OrganizationRequest.slugOfName(request.name());
                name = request.name().trim();
            }
            if (request.allowedEmailDomains() != null) {
                domains = EmailDomains.normalizeAll(request.allowedEmailDomains());
            }
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_request", e.getMessage());
        }
        if (domains != null) {
            refusePublic(domains);
        }
        String newName = name;
        List<String> newDomains = domains;
        Organization updated = guarded(() -> organizations.update(current, newName, newDomains,
                request.environments() == null ? Map.of() : request.environments()));
        OrganizationRepresentation rep = toRepresentation(updated);
        adminEvent.clone(session).operation(OperationType.UPDATE).resourcePath("orgs", current.slug()).representation(rep).success();
        return rep;
    }

    @DELETE
    @Path("{domain}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeletedRepresentation delete(@PathParam("domain") String domain) {
        Organization org = existing(domain);
        permissionsOn(org).realm().requireManageRealm();
        OrganizationRepresentation rep = toRepresentation(org);
        organizations.delete(org);
        adminEvent.clone(session).operation(OperationType.DELETE).resourcePath("orgs", org.slug()).representation(rep).success();
        return new DeletedRepresentation(true, rep);
    }

    /** Ownership of the organization's email domains (status, challenge, verification). */
    @Path("{domain}/email-domains")
    public EmailDomainsResource emailDomains(@PathParam("domain") String domain) {
        Organization org = existing(domain);
        return new EmailDomainsResource(session, auth, permissionsOn(org), adminEvent, organizations, ownership, org);
    }

    /** A public mail domain routes every address there to the claimant: never claimable (400). */
    private void refusePublic(List<String> domains) {
        ownership.firstPublic(domains).ifPresent(d -> {
            throw ApiErrors.badRequest("public_email_domain", d + " is a public email domain: anyone can get an "
                    + "address there, so no organization can claim it");
        });
    }

    /** The organization, or 404 for callers allowed to know; callers without any view right get 403. */
    private Organization existing(String domain) {
        Organization org = Slugs.isSlug(domain) ? organizations.store().find(domain).orElse(null) : null;
        if (org == null) {
            auth.realm().requireViewRealm();
            throw ApiErrors.notFound("no organization with domain '" + (Slugs.isSlug(domain) ? domain : "?") + "'");
        }
        return org;
    }

    /** Admin permissions on the organization's production realm (master's when that realm is gone). */
    private AdminPermissionEvaluator permissionsOn(Organization org) {
        return organizations.realm(Slugs.productionRealm(org.slug()))
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
        OrganizationManager.EnvironmentRealms found = organizations.realms(org.slug());
        for (Optional<RealmModel> realm : List.of(found.production(), found.sandbox())) {
            realm.map(RealmModel::getMasterAdminClient).ifPresent(client -> client.getRolesStream().forEach(user::grantRole));
        }
    }

    private void addRealm(List<DiscoveryRepresentation.RealmEntry> realms, String environment, Optional<RealmModel> found) {
        found.ifPresent(realm -> realms.add(new DiscoveryRepresentation.RealmEntry(
                environment, realm.getName(),
                realm.isEnabled() ? EnvironmentRepresentation.UP : EnvironmentRepresentation.DOWN,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()))));
    }

    OrganizationRepresentation toRepresentation(Organization org) {
        return new OrganizationRepresentation(OrganizationRepresentation.TYPE, org.slug(), org.name(),
                org.emailDomains(), org.claims().stream().map(EmailDomainRepresentation::of).toList(), environments(org),
                Instant.ofEpochMilli(org.createdAt()).toString(), Instant.ofEpochMilli(org.updatedAt()).toString());
    }

    /** Status read from the realms themselves (cached by Keycloak), so it follows their enabled flag. */
    private List<EnvironmentRepresentation> environments(Organization org) {
        OrganizationManager.EnvironmentRealms found = organizations.realms(org.slug());
        return List.of(
                new EnvironmentRepresentation(EnvironmentRepresentation.PRODUCTION, status(found.production()),
                        Slugs.productionRealm(org.slug())),
                new EnvironmentRepresentation(EnvironmentRepresentation.SANDBOX, status(found.sandbox()),
                        Slugs.sandboxRealm(org.slug())));
    }

    private static String status(Optional<RealmModel> realm) {
        return realm.filter(RealmModel::isEnabled).isPresent() ? EnvironmentRepresentation.UP : EnvironmentRepresentation.DOWN;
    }

    private static OrganizationRequest parse(String body) {
        try {
            return OrganizationRequest.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_request", e.getMessage());
        }
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (OrganizationException e) {
            throw e.kind() == OrganizationException.Kind.CONFLICT
                    ? ApiErrors.conflict(e.code(), e.getMessage())
                    : ApiErrors.badRequest(e.code(), e.getMessage());
        }
    }

    static int positiveInt(String raw, int defaultValue, String name, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiErrors.badRequest("invalid_request", name + " must be a whole number");
        }
        if (value < 1 || value > max) {
            throw ApiErrors.badRequest("invalid_request", name + " must be between 1 and " + max);
        }
        return value;
    }

    static StatusFilter statusFilter(List<String> statuses) {
        boolean up = false;
        boolean down = false;
        for (String status : statuses) {
            switch (status) {
                case EnvironmentRepresentation.UP -> up = true;
                case EnvironmentRepresentation.DOWN -> down = true;
                default -> throw ApiErrors.badRequest("invalid_request", STATUS_FILTER + " accepts up and down");
            }
        }
        return up == down ? StatusFilter.ANY : up ? StatusFilter.ANY_UP : StatusFilter.ANY_DOWN;
    }
}
