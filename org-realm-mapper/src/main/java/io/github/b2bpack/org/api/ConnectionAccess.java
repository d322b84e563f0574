package io.github.b2bpack.org.api;

import io.github.b2bpack.org.jpa.RowLocks;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Where a call of one of the organization's connections lands, authorized as the users API is ({@link OrgRealmAccess}:
 * the environment of {@code ?environment=}, its realm, the caller's permissions there), but for realm configuration:
 * {@code view-realm} reads, {@code manage-realm} changes. A change holds the realm's row lock, so two parallel changes
 * of one realm's flows and policies apply one after the other, each on what the other left.
 */
final class ConnectionAccess {

    /** Resource type of a change's admin event: webhook code {@code admin.organization_connection.update.success}. */
    static final String EVENT_RESOURCE_TYPE = "ORGANIZATION_CONNECTION";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final OrgRealmAccess access;

    ConnectionAccess(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
    }

    Organization org() {
        return access.org();
    }

    /** The environment's realm, for callers with {@code view-realm} there. */
    RealmModel readable(Environment environment) {
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireViewRealm();
        return realm;
    }

    /** The environment's realm, for callers with {@code manage-realm} there, row-locked for this transaction. */
    RealmModel changeable(Environment environment) {
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireManageRealm();
        RowLocks.lockRealm(session, realm);
        return realm;
    }

    static Environment environment(String value) {
        return OrgRealmAccess.environment(value);
    }

    /** Keycloak's admin event in the organization's realm, so its listeners (webhooks) see API changes. */
    void changed(RealmModel realm, String connection, Object representation) {
        new AdminEventBuilder(
                        realm,
                        masterAuth.adminAuth(),
                        session,
                        session.getContext().getConnection())
                .resource(EVENT_RESOURCE_TYPE)
                .operation(OperationType.UPDATE)
                .resourcePath(connection)
                .representation(representation)
                .success();
    }

    /** 201 for Cryptr's POST (create), 200 for PUT: the connection always exists, both apply the same change. */
    static Response answer(boolean created, Object representation) {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(representation)
                .build();
    }

    /** 409 for a setting the realm's flow cannot take (a step it does not contain, or inside a disabled sub-flow). */
    static RuntimeException unavailable(String code, String description) {
        return ApiErrors.status(409, code, description);
    }
}
