package io.github.b2bpack.org.api;

import io.github.b2bpack.org.jpa.SsoConnectionListing;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.ListQuery;
import io.github.b2bpack.org.request.SsoConnectionRequest;
import io.github.b2bpack.org.sso.SsoConnectionIds;
import io.github.b2bpack.org.sso.SsoKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * {@code /admin/realms/master/sso-connections}: Cryptr's "List all SSO Connections" (paged, every organization and
 * environment, ordered by organization domain) for callers with {@code view-realm} on master, as the organization
 * list; and {@code PUT /sso-connections/{id}}, Cryptr's update by id, for callers with
 * {@code manage-identity-providers} on the connection's realm.
 */
public final class SsoConnectionsResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final OrganizationManager organizations;

    SsoConnectionsResource(KeycloakSession session, AdminPermissionEvaluator auth, OrganizationManager organizations) {
        this.session = session;
        this.auth = auth;
        this.organizations = organizations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ListRepresentation list(@Context UriInfo uriInfo) {
        auth.realm().requireViewRealm();
        Map<String, List<String>> params = new java.util.HashMap<>(uriInfo.getQueryParameters());
        params.keySet().retainAll(List.of("page", "per_page"));
        ListQuery query = ApiErrors.guarded(() -> ListQuery.of(params));
        SsoConnectionListing.Page page =
                SsoConnectionListing.page(session, OrganizationManager.SLUG_ATTRIBUTE, query.first(), query.perPage());
        List<CryptrSsoConnection> data = new ArrayList<>();
        for (String realmId : page.realmIds()) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                continue;
            }
            located(realm).ifPresent(data::add);
        }
        return new ListRepresentation(
                ListRepresentation.TYPE,
                data,
                ListRepresentation.Pagination.of(query.page(), query.perPage(), page.total()),
                page.total());
    }

    /** Cryptr's {@code PUT /sso-connections/:idp_id}: the id names the organization; both environments are tried. */
    @PUT
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrSsoConnection update(@Context UriInfo uriInfo, @PathParam("id") String id, String body) {
        Optional<Organization> org = SsoConnectionIds.slugOf(id)
                .flatMap(slug -> organizations.store().find(slug));
        if (org.isPresent()) {
            for (Environment environment : Environment.values()) {
                Optional<RealmModel> realm =
                        organizations.realms(org.get().slug()).of(environment);
                if (realm.isEmpty()) {
                    continue;
                }
                OrgSsoConnectionResource resource =
                        new OrgSsoConnectionResource(session, auth, organizations, org.get());
                Optional<IdentityProviderModel> idp = connection(realm.get());
                if (idp.isPresent() && id.equals(idp.get().getConfig().get(SsoKeys.ID))) {
                    permissions(realm.get()).realm().requireManageIdentityProviders();
                    SsoConnectionRequest request = ApiErrors.guarded(
                            () -> SsoConnectionRequest.of(withoutEnvironment(uriInfo.getQueryParameters()), body));
                    return resource.update(environment, realm.get(), idp.get(), request);
                }
            }
        }
        // The same answer for an unknown id and another organization's, to callers who may list connections.
        auth.realm().requireViewRealm();
        throw ApiErrors.notFound("no SSO connection with this id");
    }

    private Optional<CryptrSsoConnection> located(RealmModel realm) {
        String slug = realm.getAttribute(OrganizationManager.SLUG_ATTRIBUTE);
        Optional<Organization> org =
                slug == null ? Optional.empty() : organizations.store().find(slug);
        if (org.isEmpty()) {
            return Optional.empty();
        }
        Environment environment = organizations
                        .realms(slug)
                        .sandbox()
                        .filter(r -> r.getId().equals(realm.getId()))
                        .isPresent()
                ? Environment.SANDBOX
                : Environment.PRODUCTION;
        return connection(realm)
                .map(idp -> CryptrSsoConnection.of(
                        idp,
                        environment.id(),
                        OrganizationRepresentation.of(org.get(), organizations.realms(slug)::status),
                        session.getContext().getUri().getBaseUri(),
                        realm.getName()));
    }

    private Optional<IdentityProviderModel> connection(RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return Optional.ofNullable(session.identityProviders().getByAlias(SsoKeys.ALIAS));
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private AdminPermissionEvaluator permissions(RealmModel realm) {
        return AdminPermissions.evaluator(session, realm, auth.adminAuth());
    }

    private static Map<String, List<String>> withoutEnvironment(Map<String, List<String>> query) {
        Map<String, List<String>> copy = new java.util.HashMap<>(query);
        copy.remove("environment");
        return copy;
    }
}
