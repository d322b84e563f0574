package io.github.b2bpack.org.api;

import io.github.b2bpack.org.admininvite.AdminMembership;
import io.github.b2bpack.org.jpa.UserListing;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.MetadataRequest;
import io.github.b2bpack.org.request.UserListQuery;
import io.github.b2bpack.org.request.UserRequest;
import io.github.b2bpack.org.userprofile.ProfileDeclarations;
import io.github.b2bpack.org.users.CryptrUser;
import io.github.b2bpack.org.users.MetaKeys;
import io.github.b2bpack.org.users.ProfileClaim;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/users}: an organization's users in Cryptr's shape. They live in
 * the organization's realm of the environment the query names ({@code ?environment=production|sandbox},
 * production by default). Authorization is Keycloak's own on that realm: {@code view-users} to read,
 * {@code manage-users} to change. Each change emits Keycloak's {@code USER} admin event in that realm.
 */
public final class OrgUsersResource {

    private final KeycloakSession session;
    private final OrgRealmAccess access;
    private final Organization org;

    OrgUsersResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ListRepresentation list(@Context UriInfo uriInfo) {
        UserListQuery query = ApiErrors.guarded(() -> UserListQuery.of(uriInfo.getQueryParameters()));
        RealmModel realm = access.realm(query.environment());
        access.permissions(realm).users().requireView();
        UserListing.Page page =
                UserListing.page(session, realm, query.search(), query.email(), query.first(), query.perPage());
        List<CryptrUser> data = page.ids().stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .map(user -> view(realm, query.environment(), user))
                .toList();
        return new ListRepresentation(
                ListRepresentation.TYPE,
                data,
                ListRepresentation.Pagination.of(query.page(), query.perPage(), page.total()),
                page.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uriInfo, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        UserRequest request = ApiErrors.guarded(() -> UserRequest.of(body));
        if (request.email() == null) {
            throw ApiErrors.badRequest("invalid_request", "email is required");
        }
        prepare(realm, request);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, request.email());
        attributes.put(UserModel.EMAIL, request.email());
        attributes.putAll(request.attributes());
        UserModel user = new UserProfileWrites(session, realm).create(attributes);
        user.setEnabled(request.active() == null || request.active());
        user.setEmailVerified(Boolean.TRUE.equals(request.emailVerified()));
        CryptrUser rep = view(realm, environment, user);
        event(realm, OperationType.CREATE, rep, null);
        return Response.status(Response.Status.CREATED)
                .location(uriInfo.getAbsolutePathBuilder().path(user.getId()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    /** Cryptr's "Retrieve a User By Email or ID": an id, or an address (it contains {@code @}). */
    @GET
    @Path("{emailOrId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrUser get(@Context UriInfo uriInfo, @PathParam("emailOrId") String emailOrId) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireView();
        return view(realm, environment, user(realm, emailOrId));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrUser update(@Context UriInfo uriInfo, @PathParam("id") String id, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        UserModel user = writable(realm, user(realm, id));
        UserRequest request = ApiErrors.guarded(() -> UserRequest.of(body));
        prepare(realm, request);
        Map<String, String> changes = new LinkedHashMap<>(request.attributes());
        boolean emailChanged = request.email() != null && !request.email().equalsIgnoreCase(user.getEmail());
        if (emailChanged) {
            changes.put(UserModel.EMAIL, request.email());
            // Users the API created have their email as username: keep the two together where the realm lets
            // usernames change (editUsernameAllowed); elsewhere the username stays and the new email logs in.
            if (realm.isEditUsernameAllowed()
                    && user.getUsername().equalsIgnoreCase(Objects.toString(user.getEmail(), ""))) {
                changes.put(UserModel.USERNAME, request.email());
            }
        }
        new UserProfileWrites(session, realm).update(user, changes);
        if (request.active() != null) {
            user.setEnabled(request.active());
        }
        if (request.emailVerified() != null) {
            user.setEmailVerified(request.emailVerified());
        } else if (emailChanged) {
            user.setEmailVerified(false);
        }
        CryptrUser rep = view(realm, environment, user);
        event(realm, OperationType.UPDATE, rep, null);
        return rep;
    }

    /** Answers the deleted user, as Cryptr does. */
    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrUser delete(@Context UriInfo uriInfo, @PathParam("id") String id) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        UserModel user = writable(realm, user(realm, id));
        CryptrUser rep = view(realm, environment, user);
        // The user's realm as the context realm: Keycloak's removal listeners read it (master on this path).
        if (!KeycloakModelUtils.runOnRealm(session, realm, s -> new UserManager(s).removeUser(realm, user))) {
            throw ApiErrors.notFound("no user '" + user.getId() + "' in this organization");
        }
        event(realm, OperationType.DELETE, rep, null);
        return rep;
    }

    /** Sets one declared metadata key ({@code POST …/metakeys} declares it) to a value. */
    @PUT
    @Path("{id}/add-metadata")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrUser addMetadata(@Context UriInfo uriInfo, @PathParam("id") String id, String body) {
        return metadata(uriInfo, id, () -> MetadataRequest.keyAndValue(body), "org_user.metadata_added");
    }

    /** Removes one declared metadata key from the user; a key the user does not hold answers the user unchanged. */
    @PUT
    @Path("{id}/remove-metadata")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrUser removeMetadata(@Context UriInfo uriInfo, @PathParam("id") String id, String body) {
        return metadata(uriInfo, id, () -> MetadataRequest.keyOnly(body), "org_user.metadata_removed");
    }

    private CryptrUser metadata(
            UriInfo uriInfo, String id, java.util.function.Supplier<MetadataRequest> read, String action) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireManage();
        UserModel user = writable(realm, user(realm, id));
        MetadataRequest request = ApiErrors.guarded(read);
        if (!ProfileDeclarations.metaKeys(session, realm).contains(request.key())) {
            throw ApiErrors.badRequest(
                    "metakey_not_declared",
                    "metadata key '" + request.key() + "' is not declared in this environment: POST /orgs/" + org.slug()
                            + "/metakeys {\"key\": …} first");
        }
        String attribute = MetaKeys.attribute(request.key());
        if (Objects.equals(user.getFirstAttribute(attribute), request.value())) {
            return view(realm, environment, user);
        }
        Map<String, String> change = new LinkedHashMap<>();
        change.put(attribute, request.value());
        new UserProfileWrites(session, realm).update(user, change);
        CryptrUser rep = view(realm, environment, user);
        event(realm, OperationType.UPDATE, rep, Map.of("b2bpack_event", action, "metadata_key", request.key()));
        return rep;
    }

    /** Declares the profile claims the request writes; refuses {@code locale} where Keycloak would drop it. */
    private void prepare(RealmModel realm, UserRequest request) {
        if (request.attributes().get(ProfileClaim.LOCALE.attribute()) != null
                && !ProfileDeclarations.localeManaged(realm)) {
            throw ApiErrors.badRequest(
                    "locale_not_supported",
                    "this environment's realm has internationalization off, so it keeps no user locale; turn it on "
                            + "(realm settings, Localization) or leave locale out");
        }
        List<String> declare = ProfileClaim.declaredAttributes().stream()
                .filter(request.attributes()::containsKey)
                .toList();
        if (!declare.isEmpty()) {
            ProfileDeclarations.ensure(session, realm, declare);
        }
    }

    /** The realm's user with this id (or email), never a service account; anything else is 404. */
    private UserModel user(RealmModel realm, String emailOrId) {
        UserModel user = access.find(realm, emailOrId);
        if (user == null || user.getServiceAccountClientLink() != null) {
            throw ApiErrors.notFound("no such user in organization '" + org.slug() + "'");
        }
        return user;
    }

    /**
     * The user, unless it holds a {@code realm-management} role beyond an organization administrator's: such
     * a user (a realm administrator of the organization's realm) is out of the organization API's reach, so an
     * organization administrator cannot change its email or delete it through the pack (409).
     */
    private UserModel writable(RealmModel realm, UserModel user) {
        if (AdminMembership.holdsOtherManagementRoles(realm, user)) {
            throw ApiErrors.status(
                    409,
                    "user_has_other_admin_roles",
                    "this user holds realm-management roles beyond an organization administrator's (realm-admin, "
                            + "manage-realm…); the organization API does not change it");
        }
        return user;
    }

    private CryptrUser view(RealmModel realm, Environment environment, UserModel user) {
        return CryptrUser.of(UserSnapshots.of(session, realm, user), org.slug(), environment.id());
    }

    /** Keycloak's own {@code USER} admin event ({@link OrgRealmAccess#userEvent}); the phone number is masked. */
    private void event(RealmModel realm, OperationType operation, CryptrUser rep, Map<String, String> details) {
        AdminEventBuilder event = access.userEvent(realm, operation, rep.id()).representation(rep.forEvent());
        if (details != null) {
            details.forEach(event::detail);
        }
        event.success();
    }
}
