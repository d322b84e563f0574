package io.github.b2bpack.org.api;

import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.UserListQuery;
import io.github.b2bpack.org.request.UserRequest;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Where a call of the organization's users, administrators or metakeys API lands: the environment the query
 * names, that environment's realm, the caller's permissions there, a user of it, and Keycloak's {@code USER} admin
 * event in it. One class, so that the three resources resolve and authorize in the same order (a review found a
 * copy that answered 404 before checking anything, which let a token without roles enumerate organizations).
 */
final class OrgRealmAccess {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final OrganizationManager organizations;
    private final Organization org;

    OrgRealmAccess(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.organizations = organizations;
        this.org = org;
    }

    Organization org() {
        return org;
    }

    OrganizationManager organizations() {
        return organizations;
    }

    /** The request's {@code ?environment=}. */
    static Environment environment(UriInfo uriInfo) {
        return environment(uriInfo.getQueryParameters().getFirst("environment"));
    }

    /** {@code ?environment=production|sandbox}, production when absent; anything else 400. */
    static Environment environment(String value) {
        return ApiErrors.guarded(() -> UserListQuery.environment(value));
    }

    /** The environment's realm; a missing one is 404 only to callers allowed to read the organization's users. */
    RealmModel realm(Environment environment) {
        return organizations.realms(org.slug()).of(environment).orElseGet(() -> {
            organizations
                    .realm(Environment.PRODUCTION.realmName(org.slug()))
                    .ifPresentOrElse(
                            production -> permissions(production).users().requireView(),
                            () -> masterAuth.realm().requireViewRealm());
            throw ApiErrors.notFound("organization '" + org.slug() + "' has no " + environment.id() + " environment");
        });
    }

    /** The caller's permissions on one of the organization's realms. */
    AdminPermissionEvaluator permissions(RealmModel realm) {
        return AdminPermissions.evaluator(session, realm, masterAuth.adminAuth());
    }

    /** The realm's user with this email (when it has an {@code @}) or id; null when none or the input is oversize. */
    UserModel find(RealmModel realm, String emailOrId) {
        if (emailOrId == null || emailOrId.length() > UserRequest.MAX_EMAIL) {
            return null;
        }
        return emailOrId.contains("@")
                ? session.users().getUserByEmail(realm, emailOrId)
                : session.users().getUserById(realm, emailOrId);
    }

    /**
     * Keycloak's own {@code USER} admin event in the organization's realm (resource path {@code users/<id>}, as its
     * admin API writes), by the caller, so that realm's listeners (the pack's webhooks among them) see API changes
     * like console changes. The caller adds the representation and details and sends it.
     */
    AdminEventBuilder userEvent(RealmModel realm, OperationType operation, String userId) {
        return new AdminEventBuilder(
                        realm,
                        masterAuth.adminAuth(),
                        session,
                        session.getContext().getConnection())
                .resource(ResourceType.USER)
                .operation(operation)
                .resourcePath("users", userId);
    }
}
