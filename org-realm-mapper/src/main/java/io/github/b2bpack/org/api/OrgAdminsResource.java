package io.github.b2bpack.org.api;

import io.github.b2bpack.org.admininvite.AdminInvitationMailer;
import io.github.b2bpack.org.admininvite.AdminMembership;
import io.github.b2bpack.org.admins.AdminAttributes;
import io.github.b2bpack.org.admins.AdminRecord;
import io.github.b2bpack.org.admins.AdminStatus;
import io.github.b2bpack.org.admins.CryptrAdmin;
import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.jpa.AdminListing;
import io.github.b2bpack.org.jpa.RowLocks;
import io.github.b2bpack.org.jpa.UserListing;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.AdminInvitationRequest;
import io.github.b2bpack.org.request.UserListQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/admins}: the organization's administrators in Cryptr's shape, users
 * of the realm of the environment the query names ({@code ?environment=}, production by default) who were
 * invited by email. Reading needs {@code view-users} on that realm; inviting and deleting need every right the
 * administrator gets or loses ({@code manage-users}, {@code manage-identity-providers}, {@code view-realm}),
 * so nobody makes an administrator stronger than themselves. Each change emits Keycloak's {@code USER} admin
 * event ({@code ACTION}, detail {@code b2bpack_event} {@code org_admin.invited} / {@code org_admin.deleted}).
 */
public final class OrgAdminsResource {

    private static final Logger LOG = Logger.getLogger(OrgAdminsResource.class);

    private final KeycloakSession session;
    private final OrgRealmAccess access;
    private final OrganizationManager organizations;
    private final Organization org;

    OrgAdminsResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
        this.organizations = organizations;
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ListRepresentation list(@Context UriInfo uriInfo) {
        UserListQuery query = ApiErrors.guarded(() -> UserListQuery.of(uriInfo.getQueryParameters()));
        RealmModel realm = access.realm(query.environment());
        access.permissions(realm).users().requireView();
        UserListing.Page page = AdminListing.page(session, realm, query.first(), query.perPage());
        List<CryptrAdmin> data = page.ids().stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .map(user -> view(query.environment(), user, AdminMembership.record(user)))
                .toList();
        return new ListRepresentation(
                ListRepresentation.TYPE,
                data,
                ListRepresentation.Pagination.of(query.page(), query.perPage(), page.total()),
                page.total());
    }

    /**
     * Invites an address of the organization's verified email domains: creates the user when the realm has none
     * with that email (no password, no role), records {@code invited_at} and mails the link. When the mail cannot
     * be sent, nothing stays: the transaction is rolled back and the answer is 502 {@code invitation_not_sent}.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(@Context UriInfo uriInfo, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        requireManage(realm);
        AdminInvitationRequest request =
                ApiErrors.guarded(() -> AdminInvitationRequest.of(uriInfo.getQueryParameters(), body));
        List<String> verified = org.verifiedDomains();
        if (verified.isEmpty() || !EmailDomains.allows(verified, request.email())) {
            throw ApiErrors.badRequest(
                    "email_domain_not_allowed",
                    "an administrator's email must be in one of the organization's verified email domains " + verified);
        }
        if (!AdminInvitationMailer.canSend(realm)) {
            throw ApiErrors.status(
                    503,
                    "smtp_not_configured",
                    "the " + environment.id() + " realm of this organization has no SMTP server (realm settings, "
                            + "Email), so no invitation can be sent");
        }
        UserModel user = session.users().getUserByEmail(realm, request.email());
        // The user's row is locked before its invitation record is read: parallel invitations of one address
        // are answered one after the other (201, then 409), never both 201.
        AdminRecord previous = user == null ? null : AdminAttributes.read(RowLocks.lockUser(session, user));
        if (previous != null && previous.status().blocksNewInvitation()) {
            throw ApiErrors.status(
                    409,
                    "admin_already_exists",
                    request.email() + " is already " + (previous.status() == AdminStatus.PENDING ? "invited" : "an")
                            + " administrator of this organization; delete it first to invite again");
        }
        if (user != null && user.getServiceAccountClientLink() != null) {
            throw ApiErrors.badRequest("invalid_request", "a service account cannot be an administrator");
        }
        if (user != null && AdminMembership.holdsOtherManagementRoles(realm, user)) {
            throw ApiErrors.status(
                    409,
                    "user_has_other_admin_roles",
                    request.email() + " holds realm-management roles beyond an organization administrator's "
                            + "(realm-admin, manage-realm…); the organization API does not touch such a user");
        }
        if (user != null
                && !user.isEmailVerified()
                && !(previous != null
                        && previous.createdByInvitation()
                        && !AdminMembership.inUse(session, realm, user))) {
            // Whoever controls an account with an unverified address may not own that address: accepting would
            // hand the administrator roles to them, not to the person who read the mail.
            throw ApiErrors.status(
                    409,
                    "email_not_verified",
                    "the realm has a user with " + request.email() + " whose email was never verified; verify it "
                            + "(users API email_verified, or the user's own verification) or delete that user first");
        }
        boolean created = user == null;
        if (created) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(UserModel.USERNAME, request.email());
            attributes.put(UserModel.EMAIL, request.email());
            user = new UserProfileWrites(session, realm).create(attributes);
            // Enabled, without a password: nobody can sign in as it until the invitation is accepted.
            user.setEnabled(true);
        }
        long now = Time.currentTimeMillis();
        AdminMembership.set(user, AdminAttributes.INVITED_AT, now);
        AdminMembership.set(user, AdminAttributes.ACCEPTED_AT, null);
        AdminMembership.set(user, AdminAttributes.DECLINED_AT, null);
        if (created || (previous != null && previous.createdByInvitation())) {
            user.setSingleAttribute(AdminAttributes.CREATED_BY_INVITATION, "true");
        }
        try {
            AdminInvitationMailer.send(session, realm, user, now);
        } catch (EmailException | RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            // The exception class only: SMTP errors quote the recipient's address.
            LOG.warnf(
                    "invitation of an administrator of %s (%s) not sent: %s",
                    org.slug(), environment.id(), e.getClass().getName());
            throw ApiErrors.status(
                    502,
                    "invitation_not_sent",
                    "the organization realm's SMTP server did not take the invitation, so nothing was created "
                            + "(server log: the SMTP error)");
        }
        CryptrAdmin rep = view(environment, user, AdminMembership.record(user));
        event(realm, rep, "org_admin.invited");
        return Response.status(Response.Status.CREATED)
                .location(uriInfo.getAbsolutePathBuilder().path(user.getId()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    /** Cryptr's "Retrieve an Admin": by email (as Cryptr) or by id. */
    @GET
    @Path("{emailOrId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrAdmin get(@Context UriInfo uriInfo, @PathParam("emailOrId") String emailOrId) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).users().requireView();
        UserModel user = admin(realm, emailOrId);
        return view(environment, user, AdminMembership.record(user));
    }

    /**
     * Cryptr's "Delete an Admin". An invitation never accepted that created its user deletes the user (nothing
     * of it was used); otherwise the user stays as a plain user of the organization: the administrator roles are
     * removed, every session ends (tokens issued before stop working) and the invitation attributes go.
     */
    @DELETE
    @Path("{emailOrId}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeletedAdminRepresentation delete(@Context UriInfo uriInfo, @PathParam("emailOrId") String emailOrId) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        requireManage(realm);
        UserModel user = admin(realm, emailOrId);
        AdminRecord admin = AdminAttributes.read(RowLocks.lockUser(session, user));
        if (admin == null) {
            throw ApiErrors.notFound("no such administrator in organization '" + org.slug() + "'");
        }
        CryptrAdmin rep = view(environment, user, admin);
        // A user the invitation created goes with it only while nobody can have used it (no credential, no
        // identity-provider link): after a decline the person may have set a password through "forgot password".
        // The user's realm as the context realm: Keycloak's credential manager, logout and removal listeners read
        // it, and it is master on the master path.
        KeycloakModelUtils.runOnRealm(session, realm, s -> {
            if (admin.status() != AdminStatus.ACCEPTED
                    && admin.createdByInvitation()
                    && !AdminMembership.inUse(s, realm, user)) {
                AdminMembership.endSessions(s, realm, user);
                new UserManager(s).removeUser(realm, user);
            } else {
                AdminMembership.revoke(s, realm, user);
                AdminMembership.forget(user);
            }
            return null;
        });
        event(realm, rep, "org_admin.deleted");
        return new DeletedAdminRepresentation(true, rep);
    }

    private void requireManage(RealmModel realm) {
        AdminPermissionEvaluator permissions = access.permissions(realm);
        permissions.users().requireManage();
        permissions.realm().requireManageIdentityProviders();
        permissions.realm().requireViewRealm();
    }

    /** The realm's administrator with this email or id; a user never invited is 404 like an unknown one. */
    private UserModel admin(RealmModel realm, String emailOrId) {
        UserModel user = access.find(realm, emailOrId);
        if (user == null || AdminMembership.record(user) == null) {
            throw ApiErrors.notFound("no such administrator in organization '" + org.slug() + "'");
        }
        return user;
    }

    private CryptrAdmin view(Environment environment, UserModel user, AdminRecord admin) {
        return CryptrAdmin.of(
                user.getId(),
                user.getEmail(),
                user.getCreatedTimestamp(),
                admin,
                environment.id(),
                OrganizationRepresentation.of(org, organizations.realms(org.slug())::status));
    }

    /** Keycloak's {@code USER} admin event ({@code ACTION}) in the organization's realm, as the users API emits. */
    private void event(RealmModel realm, CryptrAdmin rep, String action) {
        access.userEvent(realm, OperationType.ACTION, rep.id())
                .representation(rep.withoutOrganization())
                .detail("b2bpack_event", action)
                .success();
    }
}
