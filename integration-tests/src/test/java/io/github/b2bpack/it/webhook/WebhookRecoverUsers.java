package io.github.b2bpack.it.webhook;

import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import org.keycloak.admin.client.Keycloak;

/** A user of a realm with realm-management roles, and its admin-cli token: the callers of the permission tables. */
final class WebhookRecoverUsers {

    private static final String PASSWORD = "Webhook-Recover-Pass-7";

    private WebhookRecoverUsers() {}

    static String token(Keycloak admin, String realm, String username, String... realmManagementRoles) {
        String id = Users.create(
                admin,
                realm,
                Fixtures.userWithPassword(username, username + "@example.com", username, "Tester", PASSWORD));
        Users.grantClientRoles(admin, realm, id, "realm-management", realmManagementRoles);
        return Users.adminCliToken(realm, username, PASSWORD);
    }
}
