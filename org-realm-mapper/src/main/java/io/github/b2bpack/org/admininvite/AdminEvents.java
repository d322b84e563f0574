package io.github.b2bpack.org.admininvite;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The admin events of answers to an invitation. Nobody holding an admin token makes them, so the event's author
 * is the invited person (their realm, the admin console client, no token); the operation is Keycloak's
 * {@code ACTION} on the user, named by the detail {@code b2bpack_event}.
 */
final class AdminEvents {

    private AdminEvents() {}

    static void answered(KeycloakSession session, RealmModel realm, UserModel user, String action) {
        AdminAuth author = new AdminAuth(
                realm, null, user, realm.getClientByClientId(org.keycloak.models.Constants.ADMIN_CONSOLE_CLIENT_ID));
        new AdminEventBuilder(realm, author, session, session.getContext().getConnection())
                .resource(ResourceType.USER)
                .operation(OperationType.ACTION)
                .resourcePath("users", user.getId())
                .detail("b2bpack_event", action)
                .success();
    }
}
