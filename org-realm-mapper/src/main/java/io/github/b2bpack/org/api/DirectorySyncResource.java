package io.github.b2bpack.org.api;

import io.github.b2bpack.org.dirsync.DirectorySync;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.ActiveFlag;
import io.github.b2bpack.org.scim.DirectorySyncs;
import io.github.b2bpack.org.scim.ScimResourceProviderFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /orgs/{domain}/directory-sync[?environment=]} and {@code …/reset}: Cryptr's Directory Sync, one per
 * organization and environment. Authorization is the users API's (the directory acts on users and groups):
 * {@code view-users} on the environment's realm to read, {@code manage-users} to create, change, reset or delete.
 * Each change is a {@value #EVENT_RESOURCE_TYPE} admin event in that realm, without the token.
 */
public final class DirectorySyncResource {

    static final String EVENT_RESOURCE_TYPE = "DIRECTORY_SYNC";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final OrgRealmAccess access;
    private final Organization org;

    DirectorySyncResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
        this.org = org;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        DirectorySync.Issued issued = new DirectorySyncs(session, realm)
                .create(org.slug(), environment.id())
                .orElseThrow(() -> new ErrorResponseException(
                        "directory_sync_exists",
                        "organization '" + org.slug() + "' already has a directory sync in " + environment.id(),
                        Response.Status.CONFLICT));
        DirectorySyncRepresentation rep = view(environment, realm, issued.sync(), issued.token());
        event(realm, OperationType.CREATE, rep);
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DirectorySyncRepresentation get(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireView();
        DirectorySync sync = new DirectorySyncs(session, realm).find().orElseThrow(() -> missing(environment));
        return view(environment, realm, sync, null);
    }

    /** Cryptr's update: {@code active} only, as a query or form parameter ({@code active=true}) or a JSON body. */
    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public DirectorySyncRepresentation update(@Context UriInfo uriInfo, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        boolean active = ApiErrors.guarded(
                () -> ActiveFlag.of(uriInfo.getQueryParameters().getFirst("active"), body));
        DirectorySync sync =
                new DirectorySyncs(session, realm).setActive(active).orElseThrow(() -> missing(environment));
        DirectorySyncRepresentation rep = view(environment, realm, sync, null);
        event(realm, OperationType.UPDATE, rep);
        return rep;
    }

    @POST
    @Path("reset")
    @Produces(MediaType.APPLICATION_JSON)
    public DirectorySyncRepresentation reset(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        DirectorySync.Issued issued = new DirectorySyncs(session, realm)
                .reset(org.slug(), environment.id())
                .orElseThrow(() -> missing(environment));
        DirectorySyncRepresentation rep = view(environment, realm, issued.sync(), issued.token());
        event(realm, OperationType.ACTION, rep);
        return rep;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> delete(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        DirectorySync was = new DirectorySyncs(session, realm).delete().orElseThrow(() -> missing(environment));
        DirectorySyncRepresentation rep = view(environment, realm, was, null);
        event(realm, OperationType.DELETE, rep);
        return Map.of("deleted", true, "resource", rep.forEvent());
    }

    private DirectorySyncRepresentation view(
            Environment environment, RealmModel realm, DirectorySync sync, String token) {
        String base = session.getContext()
                .getUri()
                .getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .path(ScimResourceProviderFactory.ID)
                .path("scim/v2")
                .build()
                .toString();
        return DirectorySyncRepresentation.of(org.slug(), environment.id(), sync, token, base);
    }

    private ErrorResponseException missing(Environment environment) {
        return ApiErrors.notFound("organization '" + org.slug() + "' has no directory sync in " + environment.id());
    }

    private void event(RealmModel realm, OperationType operation, DirectorySyncRepresentation rep) {
        new AdminEventBuilder(
                        realm,
                        masterAuth.adminAuth(),
                        session,
                        session.getContext().getConnection())
                .resource(EVENT_RESOURCE_TYPE)
                .operation(operation)
                .resourcePath("orgs", org.slug(), "directory-sync", rep.id())
                .representation(rep.forEvent())
                .success();
    }
}
