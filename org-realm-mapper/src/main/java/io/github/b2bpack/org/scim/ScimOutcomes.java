package io.github.b2bpack.org.scim;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * What follows a successful SCIM change of a user: the pack's {@code dir_sync.user.*} events (webhook codes
 * {@code user.dir_sync.user.<action>.success}, CONTRIBUTING.md "Events"), on top of the {@code USER} admin event
 * Keycloak's SCIM resource sends, and the end of a deprovisioned user's sessions.
 */
final class ScimOutcomes {

    static final String PROVISION = "dir_sync.user.provision";
    static final String UPDATE = "dir_sync.user.update";
    static final String DEPROVISION = "dir_sync.user.deprovision";
    static final String REACTIVATE = "dir_sync.user.reactivate";
    static final String DELETE = "dir_sync.user.delete";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;

    ScimOutcomes(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.client = client;
    }

    void provisioned(String userId) {
        event(EventType.REGISTER, userId, PROVISION);
    }

    /** A PUT or PATCH went through: deprovision when it turned the user off, reactivate when on. */
    void updated(String userId, boolean wasEnabled) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return;
        }
        if (wasEnabled && !user.isEnabled()) {
            endSessions(user);
            event(EventType.UPDATE_PROFILE, userId, DEPROVISION);
        } else if (!wasEnabled && user.isEnabled()) {
            event(EventType.UPDATE_PROFILE, userId, REACTIVATE);
        } else {
            event(EventType.UPDATE_PROFILE, userId, UPDATE);
        }
    }

    /** Keycloak removed the user, and their sessions with them. */
    void deleted(String userId) {
        event(EventType.DELETE_ACCOUNT, userId, DELETE);
    }

    /**
     * A disabled user could not refresh anyway, but their live sessions (browser SSO, offline tokens) are ended
     * now, with back-channel logout to the clients that asked for it, rather than left until they expire.
     */
    private void endSessions(UserModel user) {
        var context = session.getContext();
        session.sessions()
                .getUserSessionsStream(realm, user)
                .toList()
                .forEach((UserSessionModel userSession) -> AuthenticationManager.backchannelLogout(
                        session,
                        realm,
                        userSession,
                        context.getUri(),
                        context.getConnection(),
                        context.getRequestHeaders(),
                        true));
        session.sessions()
                .getOfflineUserSessionsStream(realm, user)
                .toList()
                .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
    }

    private void event(EventType type, String userId, String packEvent) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(client)
                .user(userId)
                .detail("b2bpack_event", packEvent)
                .detail("scim_resource", "Users")
                .success();
    }
}
